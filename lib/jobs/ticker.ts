import type { PeriodicJob } from "./periodic";

export interface Ticker {
  stop(): void;
  idle(): Promise<void>;
}

export interface TickerOptions {
  tickMs: number;
  now?: () => number;
  onError?: (job: PeriodicJob, error: unknown) => void;
  /**
   * Shared by several instances' tickers: a job runs only once `claim` grants this period's run (false: another
   * instance has it), and `finish` hands the next period back.
   */
  lease?: { claim(job: PeriodicJob, now: Date): Promise<boolean>; finish(job: PeriodicJob, now: Date): Promise<void> };
}

/** A tick during a run still going is skipped rather than overlapped; a throwing job does not stop the ticker. */
export function startTicker(jobs: PeriodicJob[], options: TickerOptions): Ticker {
  const now = options.now ?? Date.now;
  const lastRun = new Map<string, number>();
  let running: Promise<void> | undefined;

  const runDueJobs = async () => {
    for (const job of jobs) {
      const previous = lastRun.get(job.id);
      if (previous !== undefined && now() - previous < job.everyMs) continue;
      try {
        if (options.lease && !(await options.lease.claim(job, new Date(now())))) continue;
        lastRun.set(job.id, now());
        try {
          await job.run();
        } finally {
          await options.lease?.finish(job, new Date(now()));
        }
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
