import type { PeriodicJob } from "./periodic";

export interface Ticker {
  stop(): void;
  /** Resolves when the run in progress (if any) has finished. */
  idle(): Promise<void>;
}

export interface TickerOptions {
  /** How often the ticker wakes up to see which jobs are due. */
  tickMs: number;
  now?: () => number;
  onError?: (job: PeriodicJob, error: unknown) => void;
}

/**
 * Runs periodic jobs in-process (embedded mode). Each job runs when due; a tick that comes while the
 * previous run is still going is skipped rather than overlapped; a job that throws is reported and
 * the ticker carries on.
 */
export function startTicker(jobs: PeriodicJob[], options: TickerOptions): Ticker {
  const now = options.now ?? Date.now;
  const lastRun = new Map<string, number>();
  let running: Promise<void> | undefined;

  const runDueJobs = async () => {
    for (const job of jobs) {
      const previous = lastRun.get(job.id);
      if (previous !== undefined && now() - previous < job.everyMs) continue;
      lastRun.set(job.id, now());
      try {
        await job.run();
      } catch (error) {
        (options.onError ?? defaultOnError)(job, error);
      }
    }
  };

  const tick = () => {
    if (running) return;
    running = runDueJobs().finally(() => {
      running = undefined;
    });
  };

  const timer = setInterval(tick, options.tickMs);
  timer.unref();
  tick();
  return {
    stop: () => clearInterval(timer),
    idle: async () => {
      while (running) await running;
    },
  };
}

function defaultOnError(job: PeriodicJob, error: unknown) {
  console.error(`[jobs] ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`);
}
