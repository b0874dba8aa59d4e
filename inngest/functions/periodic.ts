import { periodicJobs } from "@/lib/jobs/periodic";
import { inngest } from "../client";

/**
 * One cron function per periodic job; thin, each calls the same domain function the embedded ticker does. Never two
 * runs of one job at once (the ticker skips overlapping ticks too), and crons in UTC, so DST never skips or doubles one.
 */
export const periodicFunctions = periodicJobs.map((job) =>
  inngest.createFunction({ id: job.id, triggers: [{ cron: `TZ=UTC ${job.cron}` }], concurrency: { limit: 1 } }, async ({ step }) =>
    step.run(job.id, () => job.run()),
  ),
);
