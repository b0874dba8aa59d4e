import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { Pool } from "pg";
import { drizzleConfig, getDatabase, setDatabase, type Database } from "@/db";
import { settleBackgroundWork } from "@/lib/background";

/**
 * Runs `work` against the current test database through a Drizzle client that counts every statement it sends.
 * Background work (notices, emails) left by earlier steps settles first, or its statements would be counted too
 * whenever a busy machine delays it into this window.
 */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  await settleBackgroundWork();
  const handle = getDatabase();
  let statements = 0;
  const logger = { logQuery: () => void statements++ };
  const client = (handle.db as unknown as { $client: unknown }).$client;
  const counting =
    handle.mode === "embedded"
      ? drizzlePglite(client as PGlite, { ...drizzleConfig, logger })
      : drizzleNodePg(client as Pool, { ...drizzleConfig, logger });
  setDatabase({ ...handle, db: counting as unknown as Database });
  try {
    return { result: await work(), statements };
  } finally {
    setDatabase(handle);
  }
}
