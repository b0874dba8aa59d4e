import { describe, expect, it } from "vitest";
import { clearSignInAttempts, startSignInAttempt } from "@/lib/auth/sign-in-limits";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

setupTestDatabase();

async function attempts(times: number, email: string, ip: (attempt: number) => string) {
  const results = [];
  for (let attempt = 0; attempt < times; attempt++) results.push(await startSignInAttempt(email, ip(attempt)));
  return results;
}

// Rotating IPs, as a distributed guesser would.
const rotating = (attempt: number) => `192.0.2.${attempt + 1}`;

describe("sign-in rate limits", () => {
  it("refuses the 11th attempt on one account within 15 minutes, from any IP", async () => {
    const user = await createUser();
    const results = await attempts(11, user.email, rotating);
    expect(results.slice(0, 10).every((result) => result.ok)).toBe(true);
    expect(results[10]).toEqual({ ok: false, error: "Too many sign-in attempts. Try again in 15 minutes." });
  });

  it("answers an unknown account exactly like a known one", async () => {
    const known = await createUser();
    const knownResults = await attempts(11, known.email.toUpperCase(), rotating);
    const unknownResults = await attempts(11, "nobody-here@example.com", rotating);
    expect(unknownResults).toEqual(knownResults);
  });

  it("starts the account afresh after a successful sign-in", async () => {
    const user = await createUser();
    await attempts(10, user.email, rotating);
    await clearSignInAttempts(user.email);
    expect(await startSignInAttempt(user.email, "192.0.2.200")).toEqual({ ok: true });
  });

  it("refuses an IP after 100 attempts an hour across many accounts", async () => {
    const ip = "198.51.100.9";
    for (let index = 0; index < 100; index++) {
      expect(await startSignInAttempt(`victim-${index}@example.com`, ip)).toEqual({ ok: true });
    }
    expect(await startSignInAttempt("victim-100@example.com", ip)).toEqual({
      ok: false,
      error: "Too many sign-in attempts. Try again in 60 minutes.",
    });
    // The refused IP did not spend the account's allowance.
    expect(await startSignInAttempt("victim-100@example.com", "198.51.100.10")).toEqual({ ok: true });
  });
});
