import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { runDeployChecks, type DeployCheck } from "@/lib/deploy/checks";
import { startProtocolServer, type ProtocolServer } from "@/lib/realtime/protocol-server";
import { testDatabaseUrl } from "@/tests/database";
import { startResendStandIn, type ResendStandIn } from "@/tests/resend-stand-in";

const PUSHER = { appId: "studio", key: "studio-key", secret: "the-studio-secret-0123456789" };
const databases = [`musbook_deploy_check_${process.pid}`, `musbook_deploy_empty_${process.pid}`] as const;

let realtime: ProtocolServer;
let resend: ResendStandIn;
let migratedUrl = "postgres://nobody@127.0.0.1:1/unreachable";
let emptyUrl = migratedUrl;

const urlFor = (name: string) => {
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${name}`;
  return url.toString();
};

async function admin(statements: string[]) {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  realtime = await startProtocolServer(PUSHER);
  resend = await startResendStandIn({ apiKey: "re_known_key" });
  if (testDatabaseUrl) {
    await admin(databases.flatMap((name) => [`drop database if exists ${name} with (force)`, `create database ${name}`]));
    migratedUrl = urlFor(databases[0]);
    emptyUrl = urlFor(databases[1]);
    const handle = openPostgres(migratedUrl, 1);
    await migrateDatabase(handle);
    await handle.close();
  }
}, 120_000);

afterAll(async () => {
  await realtime.close();
  await resend.close();
  if (testDatabaseUrl) await admin(databases.map((name) => `drop database if exists ${name} with (force)`));
});

const good = () => ({
  DATABASE_URL: migratedUrl,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  APP_URL: "https://musbook.example",
  PUSHER_APP_ID: PUSHER.appId,
  PUSHER_KEY: PUSHER.key,
  PUSHER_SECRET: PUSHER.secret,
  PUSHER_HOST: "127.0.0.1",
  PUSHER_PORT: String(realtime.port),
  PUSHER_USE_TLS: "false",
  RESEND_API_KEY: "re_known_key",
  RESEND_BASE_URL: resend.url,
  INNGEST_EVENT_KEY: "an-event-key",
  INNGEST_SIGNING_KEY: "signkey-prod-0123abcd",
  VAPID_PUBLIC_KEY: `B${"x".repeat(86)}`,
  VAPID_PRIVATE_KEY: "k".repeat(43),
});

/** The script as `npm run check:deploy` runs it, without blocking this process, whose stand-ins must answer it. */
function checkDeploy(env: Record<string, string | undefined>) {
  return new Promise<{ stdout: string; status: number }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.resolve("scripts/check-deploy.ts")],
      { env: { PATH: process.env.PATH ?? "", ...env } as unknown as NodeJS.ProcessEnv, encoding: "utf8" },
      (error, stdout) => resolve({ stdout, status: error ? Number(error.code ?? 1) : 0 }),
    );
  });
}

const failing = (checks: DeployCheck[]) =>
  Object.fromEntries(checks.filter((check) => !check.ok).map((check) => [check.name, check.detail]));

describe("npm run check:deploy", () => {
  it.each([
    ["APP_URL over http", { APP_URL: "http://musbook.example" }, "APP_URL", "is not https"],
    ["a chosen AUTH_SECRET", { AUTH_SECRET: "musbookmusbookmusbookmusbookmusbook" }, "AUTH_SECRET", "looks chosen, not generated"],
    ["a short AUTH_SECRET", { AUTH_SECRET: "short" }, "configuration", "AUTH_SECRET must be at least 32 characters"],
    ["no AUTH_SECRET", { AUTH_SECRET: undefined }, "configuration", "AUTH_SECRET is required"],
    ["an unreachable database", { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" }, "database", "cannot connect"],
    ["no DATABASE_URL", { DATABASE_URL: undefined }, "configuration", "embedded mode"],
    ["a wrong Pusher secret", { PUSHER_SECRET: "not-the-studio-secret" }, "realtime", "refused the credentials"],
    ["an unreachable Pusher host", { PUSHER_PORT: "1" }, "realtime", "could not be reached"],
    ["half the Pusher credentials", { PUSHER_KEY: undefined }, "configuration", "PUSHER_KEY"],
    ["no Pusher at all", { PUSHER_APP_ID: undefined, PUSHER_KEY: undefined, PUSHER_SECRET: undefined }, "realtime", "not set"],
    ["an unknown Resend key", { RESEND_API_KEY: "re_unknown_key" }, "email", "refused RESEND_API_KEY"],
    ["a Resend key of the wrong form", { RESEND_API_KEY: "sk_live_1" }, "configuration", "RESEND_API_KEY must look like re_"],
    ["no Resend key", { RESEND_API_KEY: undefined }, "email", "outbox"],
    ["a malformed Inngest signing key", { INNGEST_SIGNING_KEY: "secret" }, "configuration", "INNGEST_SIGNING_KEY must look like"],
    ["no Inngest event key", { INNGEST_EVENT_KEY: undefined }, "jobs", "must both be set"],
    ["the Inngest dev server switched on", { INNGEST_DEV: "1" }, "jobs", "unsigned requests"],
    [
      "no Inngest on a serverless host",
      { INNGEST_EVENT_KEY: undefined, INNGEST_SIGNING_KEY: undefined, VERCEL: "1" },
      "jobs",
      "runs no ticker",
    ],
    ["no VAPID key pair", { VAPID_PUBLIC_KEY: undefined, VAPID_PRIVATE_KEY: undefined }, "push", "push is off"],
    [
      "half the VAPID key pair",
      { VAPID_PRIVATE_KEY: undefined },
      "configuration",
      "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together",
    ],
  ])("names %s in one line", async (_, overrides, name, reason) => {
    const checks = await runDeployChecks({ ...good(), ...overrides });
    expect(failing(checks)[name]).toContain(reason);
    for (const check of checks) expect(check.detail).not.toMatch(/\n|the-studio-secret|re_known_key/);
  });

  it.each([
    ["http on a loopback address (a trial on one machine)", { APP_URL: "http://127.0.0.1:3310" }, "APP_URL", "a local trial only"],
    ["no Inngest on long-running instances", { INNGEST_EVENT_KEY: undefined, INNGEST_SIGNING_KEY: undefined }, "jobs", "job lease"],
  ])("accepts %s, and says what it means", async (_, overrides, name, detail) => {
    const check = (await runDeployChecks({ ...good(), ...overrides })).find((candidate) => candidate.name === name);
    expect(check).toMatchObject({ ok: true, detail: expect.stringContaining(detail) });
  });

  it.skipIf(!testDatabaseUrl)("finds a database that was never migrated", async () => {
    expect(failing(await runDeployChecks({ ...good(), DATABASE_URL: emptyUrl })).database).toContain("never migrated");
  });

  it.skipIf(!testDatabaseUrl)("passes a good hosted configuration, and says so with exit status 0", { timeout: 60_000 }, async () => {
    expect(failing(await runDeployChecks(good()))).toEqual({});
    const run = await checkDeploy(good());
    expect(run.stdout).toContain("✓ database: reachable and migrated");
    expect(run.stdout).toContain("Ready to deploy.");
    expect(run.status).toBe(0);
  });

  it("exits non-zero with a line per failed check", { timeout: 60_000 }, async () => {
    const run = await checkDeploy({ ...good(), APP_URL: "http://musbook.example", INNGEST_DEV: "1" });
    expect(run.stdout).toContain("✗ APP_URL: http://musbook.example is not https");
    expect(run.stdout).toContain("✗ jobs: INNGEST_DEV is set");
    expect(run.stdout).toMatch(/\d check\(s\) failed\./);
    expect(run.status).toBe(1);
  });
});
