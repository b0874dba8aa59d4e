import { desc, eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { emailOutbox, type User } from "@/db/schema";
import { confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment } from "@/lib/accounts/two-factor";
import { hashPassword } from "@/lib/auth/password";
import { signInWithPassword, verifySignInCode } from "@/lib/auth/sign-in";
import { createChallenge, signPendingSignIn } from "@/lib/auth/two-factor";
import { settleBackgroundWork } from "@/lib/background";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";
import { fuzzActions, type FuzzCase, inputFor, tablesFingerprint } from "@/tests/fuzz";

vi.mock("@/lib/realtime", () => ({ publish: async () => true, presenceMembers: async () => new Set() }));

setupTestDatabase();

// A right password costs an argon2 hash: few runs, as in the accounts suite.
const RUNS = 25;
const PASSWORD = "arpeggios before breakfast";

/**
 * What these steps write when they succeed. Left out on purpose: sign-in attempt counters and a challenge's wrong-code
 * count, which a refusal is meant to raise.
 */
const fingerprint = tablesFingerprint(["users", "trusted_devices", "notifications", "revoked_sessions"]);

/** The code in the newest email to `user`, as the person would read it. */
async function emailedCode(user: User): Promise<string> {
  await settleBackgroundWork();
  const [email] = await db
    .select({ subject: emailOutbox.subject })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, user.email))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  const code = /\b(\d{6})\b/.exec(email?.subject ?? "")?.[1];
  expect(code, "a code emailed").toBeDefined();
  return code!;
}

describe("sign-in and two-step code inputs under fuzzing (T28)", () => {
  it(
    "answer any input with a result and a message, never an exception, and write nothing when they refuse",
    { timeout: 300_000 },
    async () => {
      const passwordHash = await hashPassword(PASSWORD);
      const verified = new Date();
      const plain = await createUser({ passwordHash, emailVerifiedAt: verified });
      const twoStep = await createUser({ passwordHash, emailVerifiedAt: verified, twoFactorEnabled: true });
      const enrolling = await createUser({ passwordHash, emailVerifiedAt: verified });

      const signInChallenge = await createChallenge(twoStep, "sign_in");
      const signInCode = await emailedCode(twoStep);
      const pending = signPendingSignIn(signInChallenge);
      expect((await startTwoFactorEnrolment(enrolling)).ok).toBe(true);
      const enrolmentCode = await emailedCode(enrolling);

      const anyone = { id: "visitor" };
      // Each attempt from an address of its own, so the per-address limit does not turn every later run into a refusal.
      let visitor = 0;
      const password = fc.constantFrom(PASSWORD, PASSWORD, "wrong password", "", "x".repeat(300));
      const callbackUrl = fc.constantFrom(undefined, "/lessons", "https://evil.example/", "//evil.example", "/\\evil.example");
      const code = (real: string) => fc.constantFrom(real, "000000", "12 34 56", "12-34-56", "abcdef", "1234567", "", "０１２３４５");
      const cases: FuzzCase<{ id: string }>[] = [
        [
          "sign in with a password",
          anyone,
          (_, input) => signInWithPassword(input, { ip: `198.51.100.${(visitor++ % 250) + 1}`, trustedDeviceToken: undefined }),
          inputFor({
            email: fc.constantFrom(plain.email, twoStep.email, plain.email.toUpperCase(), "nobody@example.test", "not an email"),
            password,
            callbackUrl,
          }),
        ],
        [
          "enter the sign-in code",
          anyone,
          (_, input) => verifySignInCode(input, pending),
          inputFor({ code: code(signInCode), trustDevice: fc.constantFrom(undefined, "on", "yes"), callbackUrl }),
        ],
        [
          "enter the sign-in code without the pending cookie",
          anyone,
          (_, input) => verifySignInCode(input, undefined),
          inputFor({ code: code(signInCode) }),
        ],
        ["confirm two-step sign-in", enrolling, confirmTwoFactorEnrolment, inputFor({ code: code(enrolmentCode) })],
        ["turn two-step sign-in off", twoStep, disableTwoFactor, inputFor({ password })],
      ];
      await fuzzActions(cases, fingerprint, RUNS);
    },
  );
});
