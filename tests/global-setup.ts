import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { dropTemplateDatabase, prepareTemplateDatabase, testDatabaseUrl } from "./database";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated embedded database, dumped once: each test file starts from it instead of migrating its own. */
    pgliteTemplate: string | null;
  }
}

const pgliteTemplate = path.join(os.tmpdir(), `musbook-pglite-template-${process.pid}.tar`);

export async function setup(project: TestProject) {
  await prepareTemplateDatabase();
  if (testDatabaseUrl) return project.provide("pgliteTemplate", null);
  const template = openPglite();
  try {
    await migrateDatabase(template);
    const dump = await template.pglite!.dumpDataDir("none");
    fs.writeFileSync(pgliteTemplate, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await template.close();
  }
  project.provide("pgliteTemplate", pgliteTemplate);
}

export async function teardown() {
  await dropTemplateDatabase();
  fs.rmSync(pgliteTemplate, { force: true });
}
