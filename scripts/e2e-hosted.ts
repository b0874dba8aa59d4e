// `npm run test:hosted`: MusBook in hosted mode on this machine, as a deploy would run it. A fresh database on the
// PostgreSQL server (HOSTED_ADMIN_DATABASE_URL, default the local one) migrated with `npm run db:migrate`, the
// standalone realtime server (`npm run realtime`), a local stand-in for the Resend API, `npm run check:deploy` on that
// configuration, then Playwright (playwright.hosted.config.ts) against two long-running instances and one configured
// as on a serverless host. Afterwards no instance may have created its data directory. Needs a production build.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import pg from "pg";
import webPush from "web-push";
import { dataDirOf, INSTANCE_A, INSTANCE_B, INSTANCE_C, PORTS } from "../e2e/hosted/instances";
import { startResendStandIn } from "../tests/resend-stand-in";

const adminUrl = process.env.HOSTED_ADMIN_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const runId = `${Date.now()}`;
const databaseName = `musbook_hosted_${runId}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${databaseName}` }).toString();

if (!fs.existsSync(".next/BUILD_ID")) {
  console.info("--- no production build yet: next build");
  if (spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function waitForPort(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.end();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on port ${port}`));
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

/** Asynchronous, so that the Resend stand-in in this process keeps answering meanwhile. */
const run = (command: string, args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<number>((resolve) => {
    spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).once("exit", (code) => resolve(code ?? 1));
  });

const vapid = webPush.generateVAPIDKeys();
const resendKey = `re_hosted_${randomBytes(8).toString("hex")}`;
const hosted: NodeJS.ProcessEnv = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  APP_URL: INSTANCE_A,
  PUSHER_APP_ID: "musbook-hosted",
  PUSHER_KEY: "musbook-hosted-key",
  PUSHER_SECRET: randomBytes(24).toString("base64url"),
  PUSHER_HOST: "127.0.0.1",
  PUSHER_PORT: String(PORTS.realtime),
  PUSHER_USE_TLS: "false",
  RESEND_API_KEY: resendKey,
  RESEND_BASE_URL: `http://127.0.0.1:${PORTS.resend}`,
  EMAIL_FROM: "MusBook <noreply@musbook.test>",
  VAPID_PUBLIC_KEY: vapid.publicKey,
  VAPID_PRIVATE_KEY: vapid.privateKey,
  E2E_HOSTED_PORT: String(PORTS.a),
  E2E_RUN_ID: runId,
};

let realtime: ChildProcess | undefined;
const resend = await startResendStandIn({ apiKey: resendKey, port: PORTS.resend });
let status = 1;
try {
  await admin(`create database ${databaseName}`);
  console.info(`--- database ${databaseName}: npm run db:migrate`);
  if ((await run("npm", ["run", "--silent", "db:migrate"], hosted)) !== 0) throw new Error("db:migrate failed");

  console.info(`--- npm run realtime on port ${PORTS.realtime}`);
  realtime = spawn("npm", ["run", "--silent", "realtime"], {
    stdio: "inherit",
    detached: true,
    env: {
      ...process.env,
      ...hosted,
      REALTIME_PORT: String(PORTS.realtime),
      REALTIME_HOST: "127.0.0.1",
      REALTIME_ALLOWED_ORIGINS: [INSTANCE_A, INSTANCE_B, INSTANCE_C].join(","),
    },
  });
  await waitForPort(PORTS.realtime);

  console.info("--- npm run check:deploy with this configuration");
  if ((await run("npm", ["run", "--silent", "check:deploy"], hosted)) !== 0)
    throw new Error("check:deploy refused the hosted configuration");

  console.info("--- Playwright: two instances and a serverless-style one");
  status = await run("npx", ["playwright", "test", "-c", "playwright.hosted.config.ts", ...process.argv.slice(2)], {
    ...hosted,
    CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  });

  const created = (["a", "b", "c"] as const).map(dataDirOf).filter((dir) => fs.existsSync(dir));
  if (created.length > 0) {
    console.error(`A hosted instance wrote local files (${created.join(", ")}): instances must keep no state of their own.`);
    status = 1;
  }
} catch (error) {
  console.error(`test:hosted: ${error instanceof Error ? error.message : String(error)}`);
  status = 1;
} finally {
  if (realtime?.pid) process.kill(-realtime.pid, "SIGTERM");
  await resend.close();
  await admin(`drop database if exists ${databaseName} with (force)`).catch((error: unknown) =>
    console.error(`could not drop ${databaseName}: ${String(error)}`),
  );
  for (const name of ["a", "b", "c"] as const) fs.rmSync(dataDirOf(name), { recursive: true, force: true });
}
process.exit(status);
