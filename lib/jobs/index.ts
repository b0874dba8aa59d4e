import { env } from "@/lib/env";
import { periodicJobs } from "./periodic";
import { claimPeriodicRun, finishPeriodicRun } from "./lease";
import { startTicker, type Ticker } from "./ticker";
import { MINUTE } from "@/lib/time";

export type JobsMode = "inngest" | "embedded";

export function jobsMode(): JobsMode {
  const config = env();
  return config.INNGEST_EVENT_KEY || config.INNGEST_SIGNING_KEY || config.INNGEST_DEV ? "inngest" : "embedded";
}

const registry = globalThis as typeof globalThis & { __musbookTicker?: Ticker };

/** Embedded mode: one ticker per process (Next may load this module more than once). */
export function startEmbeddedJobs(): void {
  if (jobsMode() !== "embedded" || registry.__musbookTicker) return;
  // Instances sharing one PostgreSQL database take turns through the lease: each job once a period, never twice at once.
  registry.__musbookTicker = startTicker(periodicJobs, { tickMs: MINUTE, lease: { claim: claimPeriodicRun, finish: finishPeriodicRun } });
}
