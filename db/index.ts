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

/** `from`: a dump (`dumpDataDir`) to start from instead of an empty cluster; the test suite's migrated template. */
export function openPglite(dataDir?: string, from?: Blob): DatabaseHandle {
  const client = new PGlite({ dataDir, extensions: pgliteExtensions, loadDataDir: from });
  return {
    db: drizzlePglite(client, clientConfig()) as unknown as Database,
    mode: "embedded",
    pglite: client,
    close: () => client.close(),
  };
}

/**
 * Two processes opening one PGlite directory corrupt it, so the first holds a lock file naming itself: its pid and, on
 * Linux, its start time. A holder counts only while that very process runs: a killed server (even one its parent has
 * not reaped yet) or a later, unrelated process given the same pid does not keep the next start out.
 */
export function lockDataDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, "..", `${path.basename(dir)}.lock`);
  const me = JSON.stringify({ pid: process.pid, startedAt: processStatus(process.pid)?.startedAt ?? null });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, me, { flag: "wx" });
      process.once("exit", () => fs.rmSync(lockPath, { force: true }));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLockHolder(lockPath);
      if (holder?.pid === process.pid) return;
      if (holder && isRunning(holder)) {
        throw new Error(
          `The embedded database in ${dir} is in use by process ${holder.pid} (is \`npm run dev\` running?). ` +
            `Stop that process first, or set DATABASE_URL to use a Postgres server. Its lock is ${lockPath}.`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // left behind by a process that has ended
    }
  }
  throw new Error(`The embedded database in ${dir} could not be locked: another process took ${lockPath} at the same moment.`);
}

interface LockHolder {
  pid: number;
  /** The holder's start time in clock ticks after boot (Linux); null where it cannot be read. */
  startedAt: string | null;
}

/** The holder a lock file names; a bare pid is what earlier versions wrote. */
function readLockHolder(lockPath: string): LockHolder | null {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, "utf8").trim();
  } catch {
    return null;
  }
  if (/^\d+$/.test(text)) return { pid: Number(text), startedAt: null };
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    return Number.isInteger(parsed.pid) && (parsed.pid as number) > 0
      ? { pid: parsed.pid as number, startedAt: typeof parsed.startedAt === "string" ? parsed.startedAt : null }
      : null;
  } catch {
    return null;
  }
}

/** A process's state and start time from /proc/<pid>/stat (Linux), or null when there is no such process or no /proc. */
function processStatus(pid: number): { state: string; startedAt: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces: state is the 3rd, start time the 22nd.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[0] && fields[19] ? { state: fields[0], startedAt: fields[19] } : null;
  } catch {
    return null;
  }
}

function isRunning(holder: LockHolder): boolean {
  if (fs.existsSync("/proc/self/stat")) {
    const status = processStatus(holder.pid);
    // A zombie (killed, not yet reaped) or a dead process holds nothing; nor does a new process that reuses the pid.
    if (!status || status.state === "Z" || status.state === "X") return false;
    return holder.startedAt === null || holder.startedAt === status.startedAt;
  }
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function openFromEnv(): DatabaseHandle {
  const config = env();
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL, config.DATABASE_POOL_MAX);
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
