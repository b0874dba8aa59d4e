import type { PeriodicJob } from "./periodic";

export interface Ticker {
  stop(): void;
  idle(): Promise<void>;
}

export interface TickerOptions {
  tickMs: number;
  now?: () => number;
  onError?: (job: PeriodicJob, error: unknown) => void;
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
