import { periodicJobs } from "@/lib/jobs/periodic";
import { inngest } from "../client";

/** One cron function per periodic job; thin, each calls the same domain function the embedded ticker does. */
export const periodicFunctions = periodicJobs.map((job) =>
  inngest.createFunction({ id: job.id, triggers: [{ cron: `TZ=UTC ${job.cron}` }] }, async ({ step }) => step.run(job.id, () => job.run())),
);
