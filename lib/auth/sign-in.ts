import { invalid, type ActionResult } from "@/lib/actions";
import { verifyCredentials } from "./credentials";
import { signInSchema } from "./schemas";
import { createChallenge, needsSecondFactor, type ChallengeResult } from "./two-factor";

export const WRONG_CREDENTIALS = "That email and password don't match an account. Check them and try again.";

export type SignInStep = ActionResult<{ next: "session" } | { next: "code"; challengeId: string }>;

/**
 * The first step of signing in: a correct password either leads straight to a session, or (two-step
 * sign-in on, device not trusted) to an emailed code. No session exists until the code is verified.
 */
export async function beginSignIn(raw: unknown, trustedDeviceToken: string | undefined): Promise<SignInStep> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { email, password } = parsed.data;
  const user = await verifyCredentials(email, password);
  if (!user) return { ok: false, error: WRONG_CREDENTIALS };
  if (await needsSecondFactor(user, trustedDeviceToken)) {
    return { ok: true, data: { next: "code", challengeId: await createChallenge(user, "sign_in") } };
  }
  return { ok: true, data: { next: "session" } };
}

/** What a person is told for each way a code can fail. */
export function challengeFailureMessage(result: Exclude<ChallengeResult, { ok: true }>, restart: string): string {
  switch (result.reason) {
    case "wrong":
      return `That code isn't right. ${result.attemptsLeft} ${result.attemptsLeft === 1 ? "attempt" : "attempts"} left.`;
    case "locked":
      return `Too many wrong codes, so this code no longer works. ${restart}`;
    case "expired":
      return "This code has expired. Send yourself a new one.";
    case "used":
    case "unknown":
      return `This code has already been used. ${restart}`;
    case "throttled":
      return result.retryMessage;
  }
}
