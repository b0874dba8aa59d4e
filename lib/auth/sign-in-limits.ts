import type { ActionResult } from "@/lib/actions";
import { normalizeEmail } from "./credentials";
import { consumeRateLimits, describeWait, resetRateLimit } from "./rate-limit";

/**
 * Spends one sign-in attempt for this email and this IP, before any password is checked, so a guesser
 * gets the same refusal whether or not the account exists. The account's counter is cleared by a
 * successful sign-in, so it counts failures: 10 per 15 minutes per account, 100 attempts an hour per IP.
 */
export async function startSignInAttempt(email: string, ip: string): Promise<ActionResult> {
  const result = await consumeRateLimits(["signInIp", ip], ["signIn", normalizeEmail(email)]);
  if (result.ok) return { ok: true };
  return { ok: false, error: `Too many sign-in attempts. Try again in ${describeWait(result.retryAfterSeconds)}.` };
}

/** After a successful sign-in or a password reset: the account starts again with its full allowance. */
export async function clearSignInAttempts(email: string): Promise<void> {
  await resetRateLimit("signIn", normalizeEmail(email));
}
