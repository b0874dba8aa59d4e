import path from "node:path";
import { z } from "zod";

const postgresUrl = z
  .string()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be a postgres:// or postgresql:// URL with a host");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Set: real Postgres through `pg`. Unset: embedded PGlite under DATA_DIR. */
  DATABASE_URL: postgresUrl.optional(),
  /** Where embedded mode keeps its database, lock file and generated keys. */
  DATA_DIR: z.string().min(1).default(".data"),
  /** The canonical URL used in every emailed link; never derived from the request's Host header. */
  APP_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).default("http://localhost:3000"),
  /** Signs session tokens. Required with DATABASE_URL; embedded mode generates one into DATA_DIR. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)").optional(),
  /** Set: email goes through Resend. Unset: into the `email_outbox` table, listed at /dev/mail. */
  RESEND_API_KEY: z.string().regex(/^re_\w+$/, "must look like re_…").optional(),
  EMAIL_FROM: z.string().min(3).default("MusBook <noreply@musbook.local>"),
  /** Any of these set: events and crons go to Inngest. None: an in-process ticker runs the periodic jobs. */
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().regex(/^signkey-\w+-[0-9a-f]+$/i, "must look like signkey-prod-…").optional(),
  INNGEST_DEV: z.string().min(1).optional(),
  /** Seed demo data into an empty embedded database at start (default: on in development). */
  SEED_DEMO: z.enum(["0", "1"]).optional(),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the given variables; empty strings count as unset. Throws a one-line ConfigError naming the variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
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
