import { getDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/lib/demo/seed";
import { startEmbeddedRealtime } from "@/lib/realtime/embedded";

async function main() {
  const database = getDatabase();
  if (database.mode === "embedded") {
    // Migrated here too, so `db:seed` works on a fresh clone before `dev`. This process holds the database,
    // so it also runs the realtime server the seed's notifications are published to, as the app would.
    await migrateDatabase(database);
    await startEmbeddedRealtime();
  }
  const summary = await seedDemoData();
  console.info(summary.created ? "Demo data created." : "Demo data already present; nothing changed.");
  console.info(summary.signInHelp);
  await database.close();
  process.exit(0); // the realtime server would keep the process alive
}

main().catch((error: unknown) => {
  console.error(`db:seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
