import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Pool } from "pg";
import { countStatement, isBenchRun } from "@/lib/bench";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;

export type DatabaseMode = "embedded" | "postgres";

export interface DatabaseHandle {
  db: Database;
  mode: DatabaseMode;
  pglite?: PGlite;
  close(): Promise<void>;
}

export const pgliteExtensions = { btree_gist };
export const drizzleConfig = { schema, casing: "snake_case" } as const;
const clientConfig = () => (isBenchRun() ? { ...drizzleConfig, logger: { logQuery: countStatement } } : drizzleConfig);

export function openPostgres(connectionString: string, max = 10): DatabaseHandle {
  const pool = new Pool({ connectionString, max });
  // An idle client erroring (server restart) must not crash the process; the pool replaces it.
  pool.on("error", (error) => console.error("[db] idle client error:", error.message));
  return {
    db: drizzleNodePg(pool, clientConfig()) as unknown as Database,
    mode: "postgres",
    close: () => pool.end(),
  };
}

export function openPglite(dataDir?: string): DatabaseHandle {
  const client = new PGlite({ dataDir, extensions: pgliteExtensions });
  return {
    db: drizzlePglite(client, clientConfig()) as unknown as Database,
    mode: "embedded",
    pglite: client,
    close: () => client.close(),
  };
}

/** Two processes opening one PGlite directory corrupt it, so the first holds a lock file. */
function lockDataDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, "..", `${path.basename(dir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      process.once("exit", () => fs.rmSync(lockPath, { force: true }));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockPath, "utf8"));
      if (holder === process.pid) return;
      if (isAlive(holder)) {
        throw new Error(
          `The embedded database in ${dir} is in use by process ${holder} (is \`npm run dev\` running?). ` +
            "Stop that process first, or set DATABASE_URL to use a Postgres server.",
        );
      }
      fs.rmSync(lockPath, { force: true }); // left behind by a process that died
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function openFromEnv(): DatabaseHandle {
  const config = env();
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  const dir = path.join(config.dataDir, "pglite");
  lockDataDir(dir);
  return openPglite(dir);
}

// One client per process even when Next loads this module in several bundles.
const registry = globalThis as typeof globalThis & { __musbookDatabase?: DatabaseHandle };

export function getDatabase(): DatabaseHandle {
  registry.__musbookDatabase ??= openFromEnv();
  return registry.__musbookDatabase;
}

export function setDatabase(handle: DatabaseHandle | undefined): void {
  registry.__musbookDatabase = handle;
}

/** Opened on first use so that importing this module (as `next build` does) never needs a database. */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = getDatabase().db;
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});
