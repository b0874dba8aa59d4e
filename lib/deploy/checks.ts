import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import Pusher from "pusher";
import { ConfigError, parseEnv, type Env } from "@/lib/env";

export interface DeployCheck {
  name: string;
  ok: boolean;
  /** One line: what was found, or what is wrong and what to do. */
  detail: string;
}

const pass = (name: string, detail: string): DeployCheck => ({ name, ok: true, detail });
const fail = (name: string, detail: string): DeployCheck => ({ name, ok: false, detail });

/** Fewer distinct characters than this in AUTH_SECRET reads as a password or a pattern, not a generated secret. */
const MIN_SECRET_DISTINCT_CHARACTERS = 12;
const TIMEOUT_MS = 5_000;

function describeError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return code ?? message ?? String(error);
}

async function checkDatabase(config: Env): Promise<DeployCheck> {
  const client = new pg.Client({ connectionString: config.DATABASE_URL, connectionTimeoutMillis: TIMEOUT_MS });
  try {
    await client.connect();
  } catch (error) {
    return fail("database", `cannot connect to DATABASE_URL (${describeError(error)})`);
  }
  try {
    const journal = JSON.parse(fs.readFileSync(path.resolve("drizzle/meta/_journal.json"), "utf8")) as {
      entries: { tag: string; when: number }[];
    };
    const latest = journal.entries.at(-1)!;
    const applied = await client
      .query<{ count: string; newest: string | null }>(`select count(*), max(created_at)::text as newest from drizzle.__drizzle_migrations`)
      .catch(() => null);
    if (!applied) return fail("database", "reachable, but never migrated: run `npm run db:migrate` as part of the deploy");
    const count = Number(applied.rows[0]!.count);
    if (count < journal.entries.length || Number(applied.rows[0]!.newest) < latest.when) {
      return fail(
        "database",
        `reachable, but ${journal.entries.length - count} migration(s) behind (up to ${latest.tag}): run \`npm run db:migrate\``,
      );
    }
    return pass("database", `reachable and migrated (${latest.tag})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkPusher(config: Env): Promise<DeployCheck> {
  if (!config.PUSHER_APP_ID)
    return fail("realtime", "PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET are not set: hosted instances need Pusher or `npm run realtime`");
  const client = new Pusher({
    appId: config.PUSHER_APP_ID,
    key: config.PUSHER_KEY!,
    secret: config.PUSHER_SECRET!,
    useTLS: config.PUSHER_USE_TLS ? ["true", "1"].includes(config.PUSHER_USE_TLS) : true,
    timeout: TIMEOUT_MS,
    ...(config.PUSHER_HOST
      ? { host: config.PUSHER_HOST, port: config.PUSHER_PORT ? String(config.PUSHER_PORT) : undefined }
      : { cluster: config.PUSHER_CLUSTER ?? "mt1" }),
  });
  try {
    // A signed publish to a channel nobody subscribes to: accepted only with the right app id, key and secret.
    await client.trigger("private-musbook-deploy-check", "deploy-check", {});
    return pass("realtime", `Pusher credentials accepted by ${config.PUSHER_HOST ?? `cluster ${config.PUSHER_CLUSTER}`}`);
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401 || status === 403)
      return fail("realtime", `Pusher refused the credentials (HTTP ${status}): check PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET`);
    return fail("realtime", `Pusher could not be reached (${status ? `HTTP ${status}` : describeError(error)})`);
  }
}

export async function checkResend(config: Env, baseUrl: string): Promise<DeployCheck> {
  if (!config.RESEND_API_KEY)
    return fail("email", "RESEND_API_KEY is not set: email would go to the outbox, which a hosted deploy does not show");
  try {
    const response = await fetch(`${baseUrl}/domains`, {
      headers: { authorization: `Bearer ${config.RESEND_API_KEY}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status === 401 || response.status === 403) return fail("email", `Resend refused RESEND_API_KEY (HTTP ${response.status})`);
    if (!response.ok) return fail("email", `Resend answered HTTP ${response.status}`);
    return pass("email", "Resend accepted the API key");
  } catch (error) {
    return fail("email", `Resend could not be reached (${describeError(error)})`);
  }
}

function checkJobs(config: Env, serverless: boolean): DeployCheck {
  if (config.INNGEST_DEV) return fail("jobs", "INNGEST_DEV is set: /api/inngest would take unsigned requests; unset it in production");
  if (config.INNGEST_EVENT_KEY && config.INNGEST_SIGNING_KEY) {
    return pass("jobs", "Inngest keys well formed; /api/inngest checks every request's signature");
  }
  if (config.INNGEST_EVENT_KEY || config.INNGEST_SIGNING_KEY) {
    return fail("jobs", "INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY must both be set: reminders and periodic jobs run through Inngest");
  }
  if (serverless) {
    return fail(
      "jobs",
      "INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY are not set: a serverless host runs no ticker, so no reminder would go out",
    );
  }
  return pass("jobs", "no Inngest: the instances' tickers take turns through the job lease (long-running instances only)");
}

function checkPush(config: Env): DeployCheck {
  if (!config.VAPID_PUBLIC_KEY) {
    return fail("push", "VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set: push is off (`npx web-push generate-vapid-keys`)");
  }
  return pass("push", `VAPID key pair set, contact ${config.VAPID_SUBJECT}`);
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

function checkAppUrl(config: Env): DeployCheck {
  const url = new URL(config.APP_URL);
  if (url.protocol === "https:") return pass("APP_URL", url.origin);
  // A trial on one machine (the hosted-mode CI run) has no certificate; nobody else can reach it anyway.
  if (LOOPBACK_HOSTS.has(url.hostname)) return pass("APP_URL", `${url.origin} (http on a loopback address: a local trial only)`);
  return fail("APP_URL", `${config.APP_URL} is not https: emailed links and secure cookies need it`);
}

function checkAuthSecret(config: Env): DeployCheck {
  const secret = config.AUTH_SECRET ?? "";
  if (new Set(secret).size < MIN_SECRET_DISTINCT_CHARACTERS) {
    return fail("AUTH_SECRET", "looks chosen, not generated: use `openssl rand -base64 32`");
  }
  return pass("AUTH_SECRET", `${secret.length} characters`);
}

/**
 * Everything a hosted deploy needs, checked in order, each with a one-line answer. Nothing secret is printed: the
 * checks name variables, never their values (APP_URL's origin aside).
 */
export async function runDeployChecks(
  source: Record<string, string | undefined>,
  { resendBaseUrl = source.RESEND_BASE_URL ?? "https://api.resend.com" } = {},
): Promise<DeployCheck[]> {
  let config: Env;
  try {
    config = parseEnv(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [fail("configuration", error.message.replace(/^Invalid configuration: /, ""))];
  }
  if (!config.DATABASE_URL) return [fail("configuration", "DATABASE_URL is not set: that is embedded mode, not a hosted deploy")];
  return [
    pass("configuration", "every variable present and well formed"),
    checkAppUrl(config),
    checkAuthSecret(config),
    await checkDatabase(config),
    await checkPusher(config),
    await checkResend(config, resendBaseUrl),
    checkPush(config),
    checkJobs(config, Boolean(source.VERCEL)),
  ];
}
