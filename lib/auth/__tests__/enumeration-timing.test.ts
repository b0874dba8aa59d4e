import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signUp } from "@/lib/accounts/sign-up";
import { settleBackgroundWork } from "@/lib/background";
import { beginSignIn, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

setupTestDatabase();

const TRIALS = 30;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Runs `attempt` for known and unknown emails, interleaved so that drift in machine load affects both
 * alike, checks both give the same answer, and returns the medians.
 */
async function compareTimings(knownEmails: string[], attempt: (email: string) => Promise<unknown>) {
  const timings = { known: [] as number[], unknown: [] as number[] };
  const answers = { known: new Set<string>(), unknown: new Set<string>() };
  for (let trial = 0; trial < TRIALS; trial++) {
    for (const kind of ["known", "unknown"] as const) {
      const email = kind === "known" ? knownEmails[trial]! : `ghost-${randomUUID()}@example.com`;
      const start = performance.now();
      const answer = await attempt(email);
      timings[kind].push(performance.now() - start);
      answers[kind].add(JSON.stringify(answer));
      await settleBackgroundWork(); // emails go out after the response; keep them out of the next trial
    }
  }
  return { known: median(timings.known), unknown: median(timings.unknown), answers };
}

describe("account enumeration", () => {
  it("sign-in answers a wrong password and an unknown email alike, in about the same time", async () => {
    const users = await Promise.all(Array.from({ length: TRIALS }, () => createUser()));
    const result = await compareTimings(
      users.map((user) => user.email),
      (email) => beginSignIn({ email, password: "not the password at all" }, undefined),
    );
    console.info(`sign-in median: known ${result.known.toFixed(2)} ms, unknown ${result.unknown.toFixed(2)} ms`);
    expect([...result.answers.known]).toEqual([JSON.stringify({ ok: false, error: WRONG_CREDENTIALS })]);
    expect([...result.answers.unknown]).toEqual([...result.answers.known]);
    expect(Math.abs(result.known - result.unknown)).toBeLessThan(25);
  });

  it("sign-up answers a registered email and a new one alike, in about the same time", async () => {
    const users = await Promise.all(Array.from({ length: TRIALS }, () => createUser()));
    const result = await compareTimings(
      users.map((user) => user.email),
      // "unknown" skips the per-IP limit, as for a request with no client address.
      (email) =>
        signUp({ role: "student", name: "Timing Test", email, password: "a quiet sonata for two", timezone: "Europe/London" }, "unknown"),
    );
    console.info(`sign-up median: registered ${result.known.toFixed(2)} ms, new ${result.unknown.toFixed(2)} ms`);
    expect([...result.answers.known]).toEqual([JSON.stringify({ ok: true })]);
    expect([...result.answers.unknown]).toEqual([...result.answers.known]);
    expect(Math.abs(result.known - result.unknown)).toBeLessThan(25);
  });
});
