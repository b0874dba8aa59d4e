import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { openPglite, openPostgres, setDatabase, type DatabaseHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";

export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

export const TEMPLATE_DATABASE = "musbook_test_template";

function urlForDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdminClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function prepareTemplateDatabase(): Promise<void> {
  if (!testDatabaseUrl) return;
  await withAdminClient(async (client) => {
    await client.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await client.query(`create database ${TEMPLATE_DATABASE}`);
  });
  const template = openPostgres(urlForDatabase(testDatabaseUrl, TEMPLATE_DATABASE), 1);
  try {
    await migrateDatabase(template);
  } finally {
    await template.close();
  }
}

export async function dropTemplateDatabase(): Promise<void> {
  if (!testDatabaseUrl) return;
  await withAdminClient((client) => client.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`));
}

export interface TestDatabase {
  handle: DatabaseHandle;
  url?: string;
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (!testDatabaseUrl) {
    const template = inject("pgliteTemplate");
    if (!template) throw new Error("The migrated embedded template is made by tests/global-setup.ts: run the tests with Vitest.");
    const handle = openPglite(undefined, new Blob([fs.readFileSync(template)]));
    return { handle, dispose: () => handle.close() };
  }
  const name = `musbook_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient((client) => client.query(`create database ${name} template ${TEMPLATE_DATABASE}`));
  const url = urlForDatabase(testDatabaseUrl, name);
  const handle = openPostgres(url, 25);
  return {
    handle,
    url,
    dispose: async () => {
      await handle.close();
      await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export function setupTestDatabase(): { current(): TestDatabase } {
  let testDatabase: TestDatabase | undefined;
  beforeAll(async () => {
    testDatabase = await createTestDatabase();
    setDatabase(testDatabase.handle);
  });
  afterAll(async () => {
    setDatabase(undefined);
    await testDatabase?.dispose();
  });
  return {
    current() {
      if (!testDatabase) throw new Error("The test database is only available inside tests and hooks.");
      return testDatabase;
    },
  };
}
