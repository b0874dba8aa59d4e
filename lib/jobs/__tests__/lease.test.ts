import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { periodicJobRuns } from "@/db/schema";
import { claimPeriodicRun, finishPeriodicRun, RUN_LEASE_MS } from "@/lib/jobs/lease";
import type { PeriodicJob } from "@/lib/jobs/periodic";
import { startTicker } from "@/lib/jobs/ticker";
import { MINUTE } from "@/lib/time";
import { setupTestDatabase } from "@/tests/database";

setupTestDatabase();

afterEach(() => vi.useRealTimers());

const T0 = new Date("2026-12-01T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
let jobs = 0;
const job = (everyMs = MINUTE) => ({ id: `lease-test-${++jobs}`, everyMs });

describe("periodic runs shared by several instances", () => {
  it("ten instances claiming at once: exactly one runs", async () => {
    const shared = job();
    const claims = await Promise.all(Array.from({ length: 10 }, () => claimPeriodicRun(shared, T0)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("a run is not claimed again while it runs, nor before its period is up; after both, it is", async () => {
    const shared = job();
    expect(await claimPeriodicRun(shared, T0)).toBe(true);
    expect(await claimPeriodicRun(shared, at(2 * MINUTE))).toBe(false); // still running
    await finishPeriodicRun(shared, at(2 * MINUTE + 1));
    expect(await claimPeriodicRun(shared, at(2 * MINUTE + 2))).toBe(true);
    await finishPeriodicRun(shared, at(2 * MINUTE + 3));
    expect(await claimPeriodicRun(shared, at(2 * MINUTE + 30_000))).toBe(false); // not due yet
  });

  it("a run whose instance died is taken over once its lease ends", async () => {
    const shared = job();
    expect(await claimPeriodicRun(shared, T0)).toBe(true);
    expect(await claimPeriodicRun(shared, at(RUN_LEASE_MS - 1))).toBe(false);
    expect(await claimPeriodicRun(shared, at(RUN_LEASE_MS + 1))).toBe(true);
  });

  it("two instances' tickers run a job once a period and never at the same time", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"], now: T0 });
    const shared = job();
    let running = 0;
    const starts: number[] = [];
    const periodic: PeriodicJob = {
      id: shared.id,
      cron: "* * * * *",
      everyMs: MINUTE,
      run: async () => {
        running++;
        expect(running).toBe(1);
        starts.push(Date.now());
        // Real work takes real (unfaked) time: the other instance's tick may come meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
      },
    };
    const lease = { claim: claimPeriodicRun, finish: finishPeriodicRun };
    const tickers = [startTicker([periodic], { tickMs: 20_000, lease }), startTicker([periodic], { tickMs: 20_000, lease })];
    // Each tick's claim and run take real time: the clock moves on only once both instances are idle.
    await Promise.all(tickers.map((ticker) => ticker.idle()));
    for (let step = 0; step < 15; step++) {
      await vi.advanceTimersByTimeAsync(20_000);
      await Promise.all(tickers.map((ticker) => ticker.idle()));
    }
    for (const ticker of tickers) ticker.stop();
    // Five minutes: the first run at start, then one a minute.
    expect(starts.map((start) => (start - T0.getTime()) / MINUTE)).toEqual([0, 1, 2, 3, 4, 5]);
    const [row] = await db.select().from(periodicJobRuns).where(eq(periodicJobRuns.jobId, shared.id));
    expect(row?.runs).toBe(6);
  });
});
