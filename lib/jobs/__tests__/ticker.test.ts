import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PeriodicJob } from "@/lib/jobs/periodic";
import { startTicker } from "@/lib/jobs/ticker";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const job = (run: () => Promise<unknown>, everyMs = 0): PeriodicJob => ({ id: "test-job", cron: "* * * * *", everyMs, run });

describe("embedded ticker", () => {
  it("runs a due job on every tick", async () => {
    const run = vi.fn(async () => undefined);
    const ticker = startTicker([job(run)], { tickMs: 1_000 });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(run).toHaveBeenCalledTimes(4); // at start, then each second
    ticker.stop();
  });

  it("respects each job's own cadence", async () => {
    const run = vi.fn(async () => undefined);
    const ticker = startTicker([job(run, 5_000)], { tickMs: 1_000 });
    await vi.advanceTimersByTimeAsync(9_000);
    expect(run).toHaveBeenCalledTimes(2); // at 0 and at 5 s
    ticker.stop();
  });

  it("never runs two at once: a tick during a slow run is skipped", async () => {
    let concurrent = 0;
    let maxConcurrent = 0;
    const run = vi.fn(async () => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      concurrent--;
    });
    const ticker = startTicker([job(run)], { tickMs: 1_000 });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(maxConcurrent).toBe(1);
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(run.mock.calls.length).toBeLessThanOrEqual(4);
    ticker.stop();
    await vi.advanceTimersByTimeAsync(3_000); // let the run in progress finish
    await ticker.idle();
    expect(concurrent).toBe(0);
  });

  it("keeps ticking after a job throws, and reports the error", async () => {
    const onError = vi.fn();
    let calls = 0;
    const run = vi.fn(async () => {
      calls++;
      if (calls === 1) throw new Error("database went away");
    });
    const ticker = startTicker([job(run)], { tickMs: 1_000, onError });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(onError).toHaveBeenCalledTimes(1);
    expect((onError.mock.calls[0]![1] as Error).message).toBe("database went away");
    expect(run).toHaveBeenCalledTimes(3);
    ticker.stop();
  });

  it("runs the other jobs of a tick when one throws", async () => {
    const second = vi.fn(async () => undefined);
    const ticker = startTicker(
      [
        { ...job(async () => Promise.reject(new Error("boom"))), id: "first" },
        { ...job(second), id: "second" },
      ],
      { tickMs: 1_000, onError: () => undefined },
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(second).toHaveBeenCalledTimes(1);
    ticker.stop();
  });
});
