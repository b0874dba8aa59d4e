import { getDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { ConfigError, env } from "@/lib/env";
import { startEmbeddedJobs } from "@/lib/jobs";
import { startEmbeddedRealtime } from "@/lib/realtime/embedded";

export async function startServer(): Promise<void> {
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`[musbook] ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  let database;
  try {
    database = getDatabase();
  } catch (error) {
    console.error(`[musbook] ${(error as Error).message}`);
    process.exit(1);
  }

  // Realtime before seeding, which publishes the notifications it creates like any other write.
  await startEmbeddedRealtime();
  if (database.mode === "embedded") {
    await migrateDatabase(database);
    const seedDemo = config.SEED_DEMO ? config.SEED_DEMO === "1" : config.NODE_ENV === "development";
    if (seedDemo) await seedDemoIfEmpty();
  }
  startEmbeddedJobs();
}

async function seedDemoIfEmpty(): Promise<void> {
  // Loaded only when wanted: the demo builder pulls in every domain module and the email templates.
  const { isDatabaseEmpty, seedDemoData } = await import("@/lib/demo/seed");
  if (!(await isDatabaseEmpty())) return;
  const started = performance.now();
  const summary = await seedDemoData();
  console.info(`[musbook] Seeded demo data in ${Math.round(performance.now() - started)} ms. ${summary.signInHelp}`);
}
