import { createHmac, randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { db } from "@/db";
import { trustedDevices, twoFactorChallenges, users, type User } from "@/db/schema";
import { runAfterResponse } from "@/lib/background";
import { sendEmail } from "@/lib/email";
import { TwoFactorCode } from "@/lib/email/templates/two-factor-code";
import type { ActionResult } from "@/lib/actions";
import { authSecret } from "@/lib/secrets";
import { consumeRateLimit, describeWait } from "./rate-limit";
import { createSecretToken, hashSecretToken } from "./secret-tokens";
import { DAY, MINUTE } from "@/lib/time";

export const TWO_FACTOR_CODE_TTL_MS = 10 * MINUTE;
export const TWO_FACTOR_MAX_ATTEMPTS = 5;
export const SIGN_IN_TICKET_TTL_MS = MINUTE;
export const TRUSTED_DEVICE_TTL_MS = 30 * DAY;

export const PENDING_SIGN_IN_COOKIE = "musbook-pending-sign-in";
export const TRUSTED_DEVICE_COOKIE = "musbook-trusted-device";

type Purpose = "sign_in" | "enable";

const hmac = (value: string) => createHmac("sha256", authSecret()).update(value).digest();

/** HMAC bound to the challenge: a database dump cannot be brute-forced, and a code is worthless in another challenge. */
const codeHash = (challengeId: string, code: string) => hmac(`two-factor:${challengeId}:${code}`).toString("hex");

/** Earlier open challenges of the same purpose stop working, so only the newest code is valid. */
export async function createChallenge(user: Pick<User, "id" | "email" | "name">, purpose: Purpose, now = new Date()): Promise<string> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const challengeId = randomUUID();
  await db.transaction(async (tx) => {
    await tx
      .update(twoFactorChallenges)
      .set({ expiresAt: now })
      .where(
        and(
          eq(twoFactorChallenges.userId, user.id),
          eq(twoFactorChallenges.purpose, purpose),
          isNull(twoFactorChallenges.consumedAt),
          gt(twoFactorChallenges.expiresAt, now),
        ),
      );
    await tx.insert(twoFactorChallenges).values({
      id: challengeId,
      userId: user.id,
      purpose,
      codeHash: codeHash(challengeId, code),
      expiresAt: new Date(now.getTime() + TWO_FACTOR_CODE_TTL_MS),
      createdAt: now,
    });
  });
  runAfterResponse("two-factor code email", () =>
    sendEmail({
      to: user.email,
      subject: purpose === "sign_in" ? `${code} is your MusBook sign-in code` : `${code} is your MusBook confirmation code`,
      react: TwoFactorCode({ name: user.name, code, purpose }),
    }),
  );
  return challengeId;
}

export type ChallengeResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "wrong"; attemptsLeft: number }
  | { ok: false; reason: "expired" | "locked" | "used" | "unknown" }
  | { ok: false; reason: "throttled"; retryMessage: string };

/** At most 10 guesses an hour across all challenges, so asking for new codes buys no more guesses. */
export async function verifyUserChallenge(userId: string, challengeId: string, purpose: Purpose, code: string): Promise<ChallengeResult> {
  const allowed = await consumeRateLimit("twoFactorCode", userId);
  if (!allowed.ok) return { ok: false, reason: "throttled", retryMessage: allowed.message };
  return verifyChallenge(challengeId, purpose, code);
}

/** Single use under concurrency: one conditional UPDATE consumes the code. The fifth wrong guess ends the challenge. */
export async function verifyChallenge(challengeId: string, purpose: Purpose, code: string, now = new Date()): Promise<ChallengeResult> {
  const open = and(
    eq(twoFactorChallenges.id, challengeId),
    eq(twoFactorChallenges.purpose, purpose),
    isNull(twoFactorChallenges.consumedAt),
    gt(twoFactorChallenges.expiresAt, now),
    lt(twoFactorChallenges.attempts, TWO_FACTOR_MAX_ATTEMPTS),
  );
  if (/^\d{6}$/.test(code)) {
    const [consumed] = await db
      .update(twoFactorChallenges)
      // For a consumed challenge, expires_at becomes the deadline to redeem it for a session.
      .set({ consumedAt: now, expiresAt: new Date(now.getTime() + SIGN_IN_TICKET_TTL_MS) })
      .where(and(open, eq(twoFactorChallenges.codeHash, codeHash(challengeId, code))))
      .returning({ userId: twoFactorChallenges.userId });
    if (consumed) return { ok: true, userId: consumed.userId };
  }
  const [counted] = await db
    .update(twoFactorChallenges)
    .set({ attempts: sql`${twoFactorChallenges.attempts} + 1` })
    .where(open)
    .returning({ attempts: twoFactorChallenges.attempts });
  if (counted) {
    const attemptsLeft = TWO_FACTOR_MAX_ATTEMPTS - counted.attempts;
    return attemptsLeft > 0 ? { ok: false, reason: "wrong", attemptsLeft } : { ok: false, reason: "locked" };
  }
  const [challenge] = await db.select().from(twoFactorChallenges).where(eq(twoFactorChallenges.id, challengeId)).limit(1);
  if (!challenge || challenge.purpose !== purpose) return { ok: false, reason: "unknown" };
  if (challenge.consumedAt) return { ok: false, reason: "used" };
  if (challenge.attempts >= TWO_FACTOR_MAX_ATTEMPTS) return { ok: false, reason: "locked" };
  return { ok: false, reason: "expired" };
}

export async function redeemSignInTicket(challengeId: string, now = new Date()): Promise<string | null> {
  const [redeemed] = await db
    .update(twoFactorChallenges)
    .set({ expiresAt: now })
    .where(
      and(
        eq(twoFactorChallenges.id, challengeId),
        eq(twoFactorChallenges.purpose, "sign_in"),
        isNotNull(twoFactorChallenges.consumedAt),
        gt(twoFactorChallenges.expiresAt, now),
      ),
    )
    .returning({ userId: twoFactorChallenges.userId });
  return redeemed?.userId ?? null;
}

/** For a user who just proved who they are another way (the current password while signed in). */
export async function issueSignInTicket(userId: string, now = new Date()): Promise<string> {
  const challengeId = randomUUID();
  await db.insert(twoFactorChallenges).values({
    id: challengeId,
    userId,
    purpose: "sign_in",
    codeHash: codeHash(challengeId, randomUUID()),
    consumedAt: now,
    expiresAt: new Date(now.getTime() + SIGN_IN_TICKET_TTL_MS),
    createdAt: now,
  });
  return signPendingSignIn(challengeId);
}

export async function latestEnrolmentChallenge(userId: string, now = new Date()): Promise<string | null> {
  const [challenge] = await db
    .select({ id: twoFactorChallenges.id })
    .from(twoFactorChallenges)
    .where(
      and(
        eq(twoFactorChallenges.userId, userId),
        eq(twoFactorChallenges.purpose, "enable"),
        isNull(twoFactorChallenges.consumedAt),
        gt(twoFactorChallenges.expiresAt, now),
      ),
    )
    .orderBy(desc(twoFactorChallenges.createdAt))
    .limit(1);
  return challenge?.id ?? null;
}

/** The HMAC stops the cookie being forged or pointed at another challenge. */
export function signPendingSignIn(challengeId: string): string {
  return `${challengeId}.${hmac(`pending-sign-in:${challengeId}`).toString("base64url")}`;
}

export function readPendingSignIn(value: string | undefined): string | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(value ?? "");
  if (!match) return null;
  const expected = hmac(`pending-sign-in:${match[1]}`);
  const given = Buffer.from(match[2]!, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? match[1]! : null;
}

export async function trustDevice(userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const { token, hash } = createSecretToken();
  const expiresAt = new Date(now.getTime() + TRUSTED_DEVICE_TTL_MS);
  await db.insert(trustedDevices).values({ userId, tokenHash: hash, expiresAt, createdAt: now });
  return { token, expiresAt };
}

export async function isTrustedDevice(userId: string, token: string | undefined, now = new Date()): Promise<boolean> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const [device] = await db
    .select({ id: trustedDevices.id })
    .from(trustedDevices)
    .where(and(eq(trustedDevices.userId, userId), eq(trustedDevices.tokenHash, hashSecretToken(token)), gt(trustedDevices.expiresAt, now)))
    .limit(1);
  return Boolean(device);
}

export async function needsSecondFactor(
  user: Pick<User, "id" | "twoFactorEnabled">,
  trustedDeviceToken: string | undefined,
): Promise<boolean> {
  return user.twoFactorEnabled && !(await isTrustedDevice(user.id, trustedDeviceToken));
}

export const PENDING_SIGN_IN_LIFETIME_MS = 30 * MINUTE;

export async function pendingSignIn(challengeId: string, now = new Date()): Promise<{ user: User } | undefined> {
  const [pending] = await db
    .select({ user: users, consumedAt: twoFactorChallenges.consumedAt, createdAt: twoFactorChallenges.createdAt })
    .from(twoFactorChallenges)
    .innerJoin(users, eq(users.id, twoFactorChallenges.userId))
    .where(and(eq(twoFactorChallenges.id, challengeId), eq(twoFactorChallenges.purpose, "sign_in")))
    .limit(1);
  if (!pending || pending.consumedAt || now.getTime() - pending.createdAt.getTime() > PENDING_SIGN_IN_LIFETIME_MS) return undefined;
  return { user: pending.user };
}

export async function resendSignInCode(challengeId: string, now = new Date()): Promise<ActionResult<{ challengeId: string }>> {
  const pending = await pendingSignIn(challengeId, now);
  if (!pending) return { ok: false, error: "This sign-in has timed out. Go back and sign in again." };
  const allowed = await consumeRateLimit("twoFactorResend", pending.user.id);
  if (!allowed.ok) return { ok: false, error: `A code was sent a moment ago. Try again in ${describeWait(allowed.retryAfterSeconds)}.` };
  return { ok: true, data: { challengeId: await createChallenge(pending.user, "sign_in", now) } };
}
