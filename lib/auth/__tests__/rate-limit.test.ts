import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { rateLimits } from "@/db/schema";
import { consumeRateLimit, describeWait, resetRateLimit } from "@/lib/auth/rate-limit";
import { setupTestDatabase } from "@/tests/database";

setupTestDatabase();

afterEach(() => {
  vi.useRealTimers();
});

async function consumeTimes(times: number, rule: Parameters<typeof consumeRateLimit>[0], key: string) {
  const results = [];
  for (let attempt = 0; attempt < times; attempt++) results.push(await consumeRateLimit(rule, key));
  return results;
}

describe("consumeRateLimit", () => {
  it("allows the configured number of attempts, then refuses with a friendly wait", async () => {
    const results = await consumeTimes(11, "signIn", "limit@example.com");
    expect(results.slice(0, 10).every((result) => result.ok)).toBe(true);
    const refused = results[10]!;
    expect(refused).toMatchObject({ ok: false, message: "Too many attempts. Try again in 15 minutes." });
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(refused.ok === false && refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it("keys emails case-insensitively and stores no email in the table", async () => {
    await consumeTimes(3, "passwordResetAccount", "Mixed@Example.com");
    expect(await consumeRateLimit("passwordResetAccount", " mixed@example.COM ")).toMatchObject({ ok: false });
    const keys = (await db.select({ key: rateLimits.key }).from(rateLimits)).map((row) => row.key);
    expect(keys.some((key) => key.toLowerCase().includes("mixed"))).toBe(false);
  });

  it("counts atomically: of 30 parallel requests exactly the allowance gets through", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => consumeRateLimit("passwordResetAccount", "parallel@example.com")));
    expect(results.filter((result) => result.ok)).toHaveLength(3);
  });

  it("keeps separate counters per rule and per key", async () => {
    await consumeTimes(3, "passwordResetAccount", "a@example.com");
    expect(await consumeRateLimit("passwordResetAccount", "b@example.com")).toEqual({ ok: true });
    expect(await consumeRateLimit("passwordResetIp", "a@example.com")).toEqual({ ok: true });
  });

  it("starts again once the counter is reset", async () => {
    await consumeTimes(10, "signIn", "reset@example.com");
    expect(await consumeRateLimit("signIn", "reset@example.com")).toMatchObject({ ok: false });
    await resetRateLimit("signIn", "reset@example.com");
    expect(await consumeRateLimit("signIn", "reset@example.com")).toEqual({ ok: true });
  });

  it("applies both windows of a two-window rule", async () => {
    expect(await consumeRateLimit("verificationResend", "user-1")).toEqual({ ok: true });
    expect(await consumeRateLimit("verificationResend", "user-1")).toMatchObject({
      ok: false,
      message: "Too many attempts. Try again in 1 minute.",
    });
    // Past the one-minute window the hourly one still counts: 5 sends an hour.
    const start = Date.now();
    for (let minute = 1; minute <= 4; minute++) {
      vi.useFakeTimers({ now: start + minute * 61_000, toFake: ["Date"] });
      expect(await consumeRateLimit("verificationResend", "user-1")).toEqual({ ok: true });
    }
    vi.useFakeTimers({ now: start + 5 * 61_000, toFake: ["Date"] });
    const refused = await consumeRateLimit("verificationResend", "user-1");
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/Try again in (5[0-9]|60) minutes/) });
  });

  it("holds across restarts: a new set of limiters reads the same counters", async () => {
    await consumeTimes(3, "passwordResetAccount", "restart@example.com");
    vi.resetModules();
    const fresh = await import("@/lib/auth/rate-limit");
    expect(await fresh.consumeRateLimit("passwordResetAccount", "restart@example.com")).toMatchObject({ ok: false });
  });
});

describe("describeWait", () => {
  it("rounds up to whole minutes, and hours for long waits", () => {
    expect(describeWait(1)).toBe("1 minute");
    expect(describeWait(61)).toBe("2 minutes");
    expect(describeWait(15 * 60)).toBe("15 minutes");
    expect(describeWait(23 * 3600 + 5)).toBe("24 hours");
  });
});
