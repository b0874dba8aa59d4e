import { index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./columns";

/**
 * Counters of rate-limiter-flexible's RateLimiterDrizzle: one row per limiter and key (the key is a
 * hash, so no email or IP address is stored). In the database so limits hold across restarts and
 * instances; expired rows are deleted by the periodic prune job.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().primaryKey(),
    points: integer().notNull(),
    expire: instant(),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);
