import { bigint, jsonb, pgTable, primaryKey, smallint, text, uuid } from "drizzle-orm/pg-core";
import type { StudioStatistics } from "../../lib/dashboard/statistics";
import { instant } from "./columns";
import { users } from "./users";

/**
 * A counter per user that database triggers (drizzle/0008) raise whenever a row their statistics read changes:
 * lessons, practice, assignments, connections, or a connected party's name. No foreign key: the triggers raise it
 * while a deleted user's rows cascade away.
 */
export const statisticsVersions = pgTable("statistics_versions", {
  userId: uuid().primaryKey(),
  version: bigint({ mode: "number" }).notNull(),
});

/**
 * A user's statistics for one period, served while the user's version is the one they were computed at and the
 * clock has not reached `validUntil` (the next lesson start, due time or week boundary that would change them).
 */
export const statisticsSnapshots = pgTable(
  "statistics_snapshots",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    weeks: smallint().notNull(),
    zone: text().notNull(),
    version: bigint({ mode: "number" }).notNull(),
    computedAt: instant().notNull(),
    validUntil: instant().notNull(),
    data: jsonb().$type<StudioStatistics>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.weeks] })],
);
