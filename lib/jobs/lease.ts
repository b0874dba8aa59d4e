import { and, eq, isNotNull, lt, lte, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { periodicJobRuns } from "@/db/schema";
import { MINUTE } from "@/lib/time";
import type { PeriodicJob } from "./periodic";

/** How long a claimed run may take before another instance may take the job over (its own instance died mid-run). */
export const RUN_LEASE_MS = 10 * MINUTE;
/** A tick may come a little early (timers drift): a job counts as due this much before its full period. */
const EARLY_SLACK = 0.1;

/**
 * Claims this period's run of `job` for this instance, or answers false: another instance ran it within the period,
 * or is running it now. One statement, so any number of instances claiming at once get one winner.
 */
export async function claimPeriodicRun(job: Pick<PeriodicJob, "id" | "everyMs">, now = new Date()): Promise<boolean> {
  const dueSince = new Date(now.getTime() - job.everyMs * (1 - EARLY_SLACK));
  const leaseUntil = new Date(now.getTime() + RUN_LEASE_MS);
  const claimed = await db
    .insert(periodicJobRuns)
    .values({ jobId: job.id, startedAt: now, leaseUntil, runs: 1 })
    .onConflictDoUpdate({
      target: periodicJobRuns.jobId,
      set: { startedAt: now, leaseUntil, finishedAt: null, runs: sql`${periodicJobRuns.runs} + 1` },
      setWhere: and(
        lte(periodicJobRuns.startedAt, dueSince),
        or(isNotNull(periodicJobRuns.finishedAt), lt(periodicJobRuns.leaseUntil, now)),
      ),
    })
    .returning({ jobId: periodicJobRuns.jobId });
  return claimed.length === 1;
}

/** Marks the claimed run finished, so the next period's run may be claimed by any instance. */
export async function finishPeriodicRun(job: Pick<PeriodicJob, "id">, now = new Date()): Promise<void> {
  await db.update(periodicJobRuns).set({ finishedAt: now }).where(eq(periodicJobRuns.jobId, job.id));
}
