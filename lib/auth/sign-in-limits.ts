import type { ActionResult } from "@/lib/actions";
import { normalizeEmail } from "./credentials";
import { consumeRateLimits, describeWait, resetRateLimit } from "./rate-limit";

/** Spent before any password check, so a guesser gets the same refusal whether or not the account exists. */
export async function startSignInAttempt(email: string, ip: string): Promise<ActionResult> {
  const result = await consumeRateLimits(["signInIp", ip], ["signIn", normalizeEmail(email)]);
  if (result.ok) return { ok: true };
  return { ok: false, error: `Too many sign-in attempts. Try again in ${describeWait(result.retryAfterSeconds)}.` };
}

export async function clearSignInAttempts(email: string): Promise<void> {
  await resetRateLimit("signIn", normalizeEmail(email));
}
