import { getDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { seedDemoData } from "@/lib/demo/seed";

async function main() {
  const database = getDatabase();
  // Embedded databases are migrated here too, so `db:seed` works on a fresh clone before `dev`.
  if (database.mode === "embedded") await migrateDatabase(database);
  const summary = await seedDemoData();
  console.info(summary.created ? "Demo data created." : "Demo data already present; nothing changed.");
  console.info(summary.signInHelp);
  await database.close();
}

main().catch((error: unknown) => {
  console.error(`db:seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
