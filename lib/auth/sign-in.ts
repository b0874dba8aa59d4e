import { invalid, type ActionResult } from "@/lib/actions";
import { verifyCredentials } from "./credentials";
import { signInSchema, twoFactorSignInSchema } from "./schemas";
import { clearSignInAttempts, startSignInAttempt } from "./sign-in-limits";
import {
  createChallenge,
  issueSignInTicket,
  needsSecondFactor,
  pendingSignIn,
  readPendingSignIn,
  trustDevice,
  verifyUserChallenge,
  type ChallengeResult,
} from "./two-factor";

export const WRONG_CREDENTIALS = "That email and password don't match an account. Check them and try again.";
export const SIGN_IN_ENDED = { ok: false, error: "This sign-in has timed out. Go back and sign in again." } as const;
const RESTART = "Go back and sign in again for a new code.";

type SignInNext = { next: "session"; ticket: string } | { next: "code"; challengeId: string };
export type SignInStep = ActionResult<SignInNext>;

/** No session exists until the code is verified. */
export async function beginSignIn(raw: unknown, trustedDeviceToken: string | undefined): Promise<SignInStep> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { email, password } = parsed.data;
  const user = await verifyCredentials(email, password);
  if (!user) return { ok: false, error: WRONG_CREDENTIALS };
  if (await needsSecondFactor(user, trustedDeviceToken)) {
    return { ok: true, data: { next: "code", challengeId: await createChallenge(user, "sign_in") } };
  }
  return { ok: true, data: { next: "session", ticket: await issueSignInTicket(user.id) } };
}

/** The attempt is counted before the password is checked. */
export async function signInWithPassword(
  raw: unknown,
  visitor: { ip: string; trustedDeviceToken: string | undefined },
): Promise<ActionResult<SignInNext & { callbackUrl?: string }>> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const attempt = await startSignInAttempt(parsed.data.email, visitor.ip);
  if (!attempt.ok) return attempt;
  const step = await beginSignIn(parsed.data, visitor.trustedDeviceToken);
  if (!step.ok) return step;
  // The password was right: the account's failure count starts again (codes have their own limit).
  await clearSignInAttempts(parsed.data.email);
  return { ok: true, data: { ...step.data, callbackUrl: parsed.data.callbackUrl } };
}

export async function verifySignInCode(
  raw: unknown,
  pendingCookie: string | undefined,
): Promise<ActionResult<{ ticket: string; trustedDeviceToken?: string; callbackUrl?: string }>> {
  const parsed = twoFactorSignInSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, "Enter the 6-digit code from the email.");
  const challengeId = readPendingSignIn(pendingCookie);
  const pending = challengeId ? await pendingSignIn(challengeId) : undefined;
  if (!pendingCookie || !challengeId || !pending) return SIGN_IN_ENDED;
  const result = await verifyUserChallenge(pending.user.id, challengeId, "sign_in", parsed.data.code);
  if (!result.ok)
    return { ok: false, error: challengeFailureMessage(result, RESTART), fieldErrors: { code: "Check the code and try again." } };
  const device = parsed.data.trustDevice ? await trustDevice(result.userId) : undefined;
  return { ok: true, data: { ticket: pendingCookie, trustedDeviceToken: device?.token, callbackUrl: parsed.data.callbackUrl } };
}

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
