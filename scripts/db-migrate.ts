import { getDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";

async function main() {
  const database = getDatabase();
  await migrateDatabase(database);
  console.info(`Migrations applied (${database.mode === "embedded" ? "embedded PGlite" : "DATABASE_URL"}).`);
  await database.close();
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
