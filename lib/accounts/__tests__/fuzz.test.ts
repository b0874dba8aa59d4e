import fc from "fast-check";
import { describe, it, vi } from "vitest";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { changePassword, deleteAccount, requestEmailChange, signOutEverywhere } from "@/lib/accounts/settings";
import { signUp, verifyEmail } from "@/lib/accounts/sign-up";
import { hashPassword } from "@/lib/auth/password";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";
import { fuzzActions, type FuzzCase, inputFor, tablesFingerprint } from "@/tests/fuzz";

vi.mock("@/lib/realtime", () => ({ publish: async () => true, presenceMembers: async () => new Set() }));

setupTestDatabase();

// Each accepted password costs an argon2 hash: fewer runs than the other suites.
const RUNS = 12;
const PASSWORD = "minor scales in thirds";

/** The account tables these actions write; rate-limit counters are left out: a refused attempt is meant to count against its address. */
const fingerprint = tablesFingerprint(["users", "email_verification_tokens", "password_reset_tokens", "revoked_sessions", "connections"]);

describe("account inputs under fuzzing (T28)", () => {
  it(
    "answer any input with a result and a message, never an exception, and write nothing when they refuse",
    { timeout: 300_000 },
    async () => {
      const member = await createUser({ passwordHash: await hashPassword(PASSWORD) });
      const anyone = { id: "nobody" };
      const email = fc.constantFrom("new.person@example.test", member.email, "not an email", "a@b");
      const password = fc.constantFrom(PASSWORD, "wrong password", "short", "x".repeat(200));
      const token = fc.constantFrom("not-a-token", "A".repeat(43), "");
      const cases: FuzzCase<{ id: string }>[] = [
        [
          "sign up",
          anyone,
          (_, input) => signUp(input, "203.0.113.7"),
          inputFor({
            role: fc.constantFrom("teacher", "student", "admin"),
            name: fc.constantFrom("Clara Schumann", ""),
            email,
            password: fc.constantFrom("a long new password 42", "short"),
            timezone: fc.constantFrom("Europe/London", "Mars/Olympus"),
          }),
        ],
        ["ask for a reset", anyone, (_, input) => requestPasswordReset(input, "203.0.113.8"), inputFor({ email })],
        ["reset a password", anyone, (_, input) => resetPassword(input), inputFor({ token, password })],
        ["confirm an address", anyone, (_, input) => verifyEmail(input), inputFor({ token })],
        ["change the address", member, requestEmailChange, inputFor({ newEmail: email, currentPassword: password })],
        ["change the password", member, changePassword, inputFor({ currentPassword: password, newPassword: password })],
        ["sign out everywhere", member, signOutEverywhere, inputFor({ confirm: fc.constantFrom("yes", "no", true) })],
        // Last: once it succeeds, the account is gone.
        ["delete the account", member, deleteAccount, inputFor({ currentPassword: password, confirm: fc.constantFrom("yes", "no") })],
      ];
      await fuzzActions(cases, fingerprint, RUNS);
    },
  );
});
