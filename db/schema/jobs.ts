import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./columns";

/**
 * The last run of each periodic job, shared by every app instance whose ticker runs jobs: an instance runs a job only
 * after claiming it here (lib/jobs/lease.ts), so across instances a job runs once a period and never twice at once.
 * A run not finished by `leaseUntil` (its instance died) may be taken over.
 */
export const periodicJobRuns = pgTable("periodic_job_runs", {
  jobId: text().primaryKey(),
  startedAt: instant().notNull(),
  leaseUntil: instant().notNull(),
  finishedAt: instant(),
  /** Runs claimed so far, by any instance: an operator (and the hosted-mode CI run) can see a job ran once a period. */
  runs: integer().notNull().default(0),
});
