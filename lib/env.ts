import path from "node:path";
import { z } from "zod";

const postgresUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
  } catch {
    return false;
  }
}, "must be a postgres:// or postgresql:// URL with a host");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: postgresUrl.optional(),
  /** Connections each instance's pool may open: many short-lived serverless instances each want few. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().min(1).default(".data"),
  /** Never derived from the request's Host header. */
  APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).default("http://localhost:3000"),
  /** Host names besides APP_URL's that a production server answers to (say, preview deployments), comma-separated. */
  ALLOWED_HOSTS: z
    .string()
    .regex(/^[A-Za-z0-9.-]+(,[A-Za-z0-9.-]+)*$/, "must be host names separated by commas, without scheme or port")
    .optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)").optional(),
  RESEND_API_KEY: z
    .string()
    .regex(/^re_\w+$/, "must look like re_…")
    .optional(),
  EMAIL_FROM: z.string().min(3).default("MusBook <noreply@musbook.local>"),
  PUSHER_APP_ID: z.string().min(1).optional(),
  PUSHER_KEY: z.string().min(1).optional(),
  PUSHER_SECRET: z.string().min(1).optional(),
  PUSHER_CLUSTER: z
    .string()
    .regex(/^[a-z0-9-]+$/, "must be a cluster name like eu or mt1")
    .optional(),
  PUSHER_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.-]+$/, "must be a host name, without scheme or port")
    .optional(),
  PUSHER_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  PUSHER_USE_TLS: z.enum(["true", "false", "1", "0"]).optional(),
  REALTIME_PORT: z.coerce.number().int().min(1).max(65535).default(6001),
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{80,100}$/, "must be a URL-safe base64 P-256 public key")
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{40,50}$/, "must be a URL-safe base64 P-256 private key")
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, "must be a mailto: or https:// URL")
    .default("mailto:support@musbook.app"),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z
    .string()
    .regex(/^signkey-\w+-[0-9a-f]+$/i, "must look like signkey-prod-…")
    .optional(),
  INNGEST_DEV: z.string().min(1).optional(),
  SEED_DEMO: z.enum(["0", "1"]).optional(),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const pusher = [result.data.PUSHER_APP_ID, result.data.PUSHER_KEY, result.data.PUSHER_SECRET];
  if (pusher.some(Boolean)) {
    const missing = ["PUSHER_APP_ID", "PUSHER_KEY", "PUSHER_SECRET"].filter((_, index) => !pusher[index]);
    if (!result.data.PUSHER_CLUSTER && !result.data.PUSHER_HOST) missing.push("PUSHER_CLUSTER (or PUSHER_HOST)");
    if (missing.length > 0) throw new ConfigError(`Invalid configuration: ${missing.join(", ")} must be set to use Pusher`);
  }
  if (Boolean(result.data.VAPID_PUBLIC_KEY) !== Boolean(result.data.VAPID_PRIVATE_KEY)) {
    throw new ConfigError("Invalid configuration: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY must be set together");
  }
  if (result.data.DATABASE_URL && !result.data.AUTH_SECRET) {
    throw new ConfigError("Invalid configuration: AUTH_SECRET is required when DATABASE_URL is set");
  }
  return { ...result.data, dataDir: path.resolve(result.data.DATA_DIR) };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function appUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}
