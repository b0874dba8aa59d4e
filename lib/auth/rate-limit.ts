import { createHash } from "node:crypto";
import { isIP } from "node:net";
import { headers } from "next/headers";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/db";
import { rateLimits } from "@/db/schema";
import { DAY, HOUR, MINUTE, SECOND } from "@/lib/time";

export type RateLimitRule =
  | "signIn"
  | "signInIp"
  | "signUpIp"
  | "passwordResetAccount"
  | "passwordResetIp"
  | "twoFactorCode"
  | "twoFactorResend"
  | "verificationResend"
  | "invite";

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number; message: string };

interface Window {
  points: number;
  seconds: number;
}

const MINUTE_S = MINUTE / SECOND;
const HOUR_S = HOUR / SECOND;
const DAY_S = DAY / SECOND;

/** The shorter window is checked first so that a refused burst does not use up the hourly allowance. */
export const RATE_LIMITS: Record<RateLimitRule, readonly Window[]> = {
  signIn: [{ points: 10, seconds: 15 * MINUTE_S }], // per account; reset by a successful sign-in
  signInIp: [{ points: 100, seconds: HOUR_S }],
  signUpIp: [{ points: 10, seconds: HOUR_S }],
  passwordResetAccount: [{ points: 3, seconds: HOUR_S }],
  passwordResetIp: [{ points: 20, seconds: HOUR_S }],
  twoFactorCode: [{ points: 10, seconds: HOUR_S }],
  twoFactorResend: [
    { points: 1, seconds: MINUTE_S },
    { points: 5, seconds: HOUR_S },
  ],
  verificationResend: [
    { points: 1, seconds: MINUTE_S },
    { points: 5, seconds: HOUR_S },
  ],
  invite: [{ points: 50, seconds: DAY_S }],
};

let limiters: Map<RateLimitRule, RateLimiterDrizzle[]> | undefined;

function limitersFor(rule: RateLimitRule): RateLimiterDrizzle[] {
  limiters ??= new Map(
    (Object.entries(RATE_LIMITS) as [RateLimitRule, readonly Window[]][]).map(([name, windows]) => [
      name,
      windows.map(
        ({ points, seconds }) =>
          new RateLimiterDrizzle({
            storeClient: db,
            schema: rateLimits,
            keyPrefix: `${name}:${seconds}`,
            points,
            duration: seconds,
            // Its own cleanup timer would keep test processes alive; the periodic prune job deletes expired rows.
            clearExpiredByTimeout: false,
          }),
      ),
    ]),
  );
  return limiters.get(rule)!;
}

/** Emails compare case-insensitively; hashing keeps addresses and IPs out of the table. */
function storedKey(key: string): string {
  return createHash("sha256").update(key.trim().toLowerCase()).digest("base64url");
}

/** Rounded up, so the wait is never understated. */
export function describeWait(seconds: number): string {
  if (seconds > 90 * MINUTE_S) {
    const hours = Math.ceil(seconds / HOUR_S);
    return `${hours} hours`;
  }
  const minutes = Math.max(1, Math.ceil(seconds / MINUTE_S));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

const UNKNOWN_IP = "unknown";
const perIpRules = new Set<RateLimitRule>(["signInIp", "signUpIp", "passwordResetIp"]);

export async function consumeRateLimit(rule: RateLimitRule, key: string): Promise<RateLimitResult> {
  // Without an IP every client would share one bucket, and one of them could lock out everyone.
  if (perIpRules.has(rule) && key === UNKNOWN_IP) return { ok: true };
  const hashedKey = storedKey(key);
  for (const limiter of limitersFor(rule)) {
    try {
      await limiter.consume(hashedKey);
    } catch (rejection) {
      // A refusal is a RateLimiterRes; anything else (the database failing) is a real error.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return { ok: false, retryAfterSeconds, message: `Too many attempts. Try again in ${describeWait(retryAfterSeconds)}.` };
    }
  }
  return { ok: true };
}

/** So a refused IP spends nothing of the account's allowance. */
export async function consumeRateLimits(...checks: [RateLimitRule, string][]): Promise<RateLimitResult> {
  for (const [rule, key] of checks) {
    const result = await consumeRateLimit(rule, key);
    if (!result.ok) return result;
  }
  return { ok: true };
}

export async function resetRateLimit(rule: RateLimitRule, key: string): Promise<void> {
  const hashedKey = storedKey(key);
  await Promise.all(limitersFor(rule).map((limiter) => limiter.delete(hashedKey)));
}

/** The first x-forwarded-for entry is only trustworthy behind a proxy that sets it (as Vercel does). */
export async function clientIp(): Promise<string> {
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    return UNKNOWN_IP; // not in a request (scripts, tests)
  }
  const candidates = [requestHeaders.get("x-forwarded-for")?.split(",")[0], requestHeaders.get("x-real-ip")];
  for (const candidate of candidates) {
    const ip = candidate?.trim();
    if (ip && isIP(ip)) return ip.toLowerCase();
  }
  return UNKNOWN_IP;
}
