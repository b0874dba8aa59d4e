import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { drizzleConfig, pgliteExtensions, setDatabase, type Database, type DatabaseHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import type { RawQuery } from "./studio";

export interface BenchDatabase {
  handle: DatabaseHandle;
  query: RawQuery;
  serverEnv: Record<string, string>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export const captured: { capturing: boolean; statements: { sql: string; params: unknown[] }[] } = { capturing: false, statements: [] };
const logger = {
  logQuery(sql: string, params: unknown[]) {
    if (captured.capturing) captured.statements.push({ sql, params });
  },
};

export async function openEmbeddedBench(dataDir: string): Promise<BenchDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  const client = new PGlite({ dataDir: path.join(dataDir, "pglite"), extensions: pgliteExtensions });
  const handle: DatabaseHandle = {
    db: drizzlePglite(client, { ...drizzleConfig, logger }) as unknown as Database,
    mode: "embedded",
    pglite: client,
    close: () => client.close(),
  };
  await migrateDatabase(handle);
  return {
    handle,
    query: (text, params) => client.query(text, params),
    serverEnv: { DATA_DIR: dataDir },
    close: () => (client.closed ? Promise.resolve() : client.close()),
    destroy: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

export async function openPostgresBench(serverUrl: string, name: string): Promise<BenchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  const handle: DatabaseHandle = {
    db: drizzleNodePg(pool, { ...drizzleConfig, logger }) as unknown as Database,
    mode: "postgres",
    close: () => pool.end(),
  };
  await migrateDatabase(handle);
  let open = true;
  const close = async () => {
    if (open) await pool.end();
    open = false;
  };
  return {
    handle,
    query: (text, params) => pool.query(text, params),
    serverEnv: { DATABASE_URL: url.toString(), AUTH_SECRET: randomBytes(32).toString("base64url") },
    close,
    destroy: async () => {
      await close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export const installForDomainCode = (database: BenchDatabase) => setDatabase(database.handle);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export interface QueryTiming {
  medianMs: number;
  statements: number;
}

/** In this process, so it includes Drizzle's mapping: an upper bound for database time. */
export async function timeQuery(run: () => Promise<unknown>, repeats: number): Promise<QueryTiming> {
  await run();
  captured.statements = [];
  captured.capturing = true;
  await run();
  captured.capturing = false;
  const statements = captured.statements.length;
  const times: number[] = [];
  for (let index = 0; index < repeats; index++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return { medianMs: median(times), statements };
}

export async function explainAll(database: BenchDatabase, run: () => Promise<unknown>, file: string, title: string): Promise<void> {
  captured.statements = [];
  captured.capturing = true;
  await run();
  captured.capturing = false;
  const sections: string[] = [`# ${title}`];
  for (const [index, statement] of captured.statements.entries()) {
    const result = (await database.query(`explain (analyze, buffers) ${statement.sql}`, statement.params.map(asParam))) as {
      rows: Record<string, string>[];
    };
    const plan = result.rows.map((row) => Object.values(row)[0]).join("\n");
    sections.push(`## statement ${index + 1}\n${statement.sql}\n\n${plan}`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${sections.join("\n\n")}\n`);
}

/** Drizzle hands dates to its driver as ISO strings already; anything else goes as it is. */
const asParam = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
