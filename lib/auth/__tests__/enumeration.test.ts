import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { signUp } from "@/lib/accounts/sign-up";
import { settleBackgroundWork } from "@/lib/background";
import { beginSignIn, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

const argon2 = vi.hoisted(() => ({ calls: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...actual,
    hashPassword: (password: string) => {
      argon2.calls++;
      return actual.hashPassword(password);
    },
    verifyPassword: (storedHash: string, password: string) => {
      argon2.calls++;
      return actual.verifyPassword(storedHash, password);
    },
  };
});

setupTestDatabase();

const TRIALS = 10;

/**
 * Runs `attempt` for known and unknown emails and collects the answers and argon2 calls of each kind. Whether the
 * two take the same time is a wall-clock figure: `npm run bench` measures it (T12's 25 ms), not a unit test.
 */
async function compareAttempts(knownEmails: string[], attempt: (email: string) => Promise<unknown>) {
  const answers = { known: new Set<string>(), unknown: new Set<string>() };
  const argon2Calls = { known: new Set<number>(), unknown: new Set<number>() };
  // The first attempt of each kind warms up what is made once (the dummy hash for unknown emails).
  for (let trial = -1; trial < TRIALS; trial++) {
    for (const kind of ["known", "unknown"] as const) {
      const email = kind === "known" ? knownEmails[trial + 1]! : `ghost-${randomUUID()}@example.com`;
      argon2.calls = 0;
      const answer = await attempt(email);
      await settleBackgroundWork(); // emails go out after the response; keep them out of the next trial
      if (trial < 0) continue;
      answers[kind].add(JSON.stringify(answer));
      argon2Calls[kind].add(argon2.calls);
    }
  }
  return { answers, argon2Calls };
}

describe("account enumeration", () => {
  it("sign-in answers a wrong password and an unknown email alike, with the same work", async () => {
    const users = await Promise.all(Array.from({ length: TRIALS + 1 }, () => createUser()));
    const result = await compareAttempts(
      users.map((user) => user.email),
      (email) => beginSignIn({ email, password: "not the password at all" }, undefined),
    );
    expect([...result.answers.known]).toEqual([JSON.stringify({ ok: false, error: WRONG_CREDENTIALS })]);
    expect([...result.answers.unknown]).toEqual([...result.answers.known]);
    expect([...result.argon2Calls.known]).toEqual([1]);
    expect([...result.argon2Calls.unknown]).toEqual([1]);
  });

  it("sign-up answers a registered email and a new one alike, with the same work", async () => {
    const users = await Promise.all(Array.from({ length: TRIALS + 1 }, () => createUser()));
    const result = await compareAttempts(
      users.map((user) => user.email),
      // "unknown" skips the per-IP limit, as for a request with no client address.
      (email) =>
        signUp({ role: "student", name: "Timing Test", email, password: "a quiet sonata for two", timezone: "Europe/London" }, "unknown"),
    );
    expect([...result.answers.known]).toEqual([JSON.stringify({ ok: true })]);
    expect([...result.answers.unknown]).toEqual([...result.answers.known]);
    expect([...result.argon2Calls.known]).toEqual([1]);
    expect([...result.argon2Calls.unknown]).toEqual([1]);
  });
});
