import { and, isNotNull, lt, or } from "drizzle-orm";
import { db } from "@/db";
import {
  emailOutbox,
  emailVerificationTokens,
  passwordResetTokens,
  rateLimits,
  revokedSessions,
  trustedDevices,
  twoFactorChallenges,
} from "@/db/schema";
import { DAY } from "@/lib/time";

/** Used or expired secrets are kept a day for support questions, then deleted. */
export const AUTH_TOKEN_RETENTION_MS = DAY;
export const OUTBOX_RETENTION_MS = 30 * DAY;

export interface PruneResult {
  twoFactorChallenges: number;
  passwordResetTokens: number;
  emailVerificationTokens: number;
  trustedDevices: number;
  outboxEmails: number;
  rateLimits: number;
  revokedSessions: number;
}

/** Deletes expired or spent authentication secrets, expired rate-limit counters and old outbox emails. Idempotent. */
export async function pruneExpiredAuthData(now = new Date()): Promise<PruneResult> {
  const cutoff = new Date(now.getTime() - AUTH_TOKEN_RETENTION_MS);
  const deleted = async (query: Promise<{ id: string }[]>) => (await query).length;
  const [challenges, resets, verifications, devices, outbox, counters, revoked] = await Promise.all([
    deleted(
      db
        .delete(twoFactorChallenges)
        .where(
          or(
            lt(twoFactorChallenges.expiresAt, cutoff),
            and(isNotNull(twoFactorChallenges.consumedAt), lt(twoFactorChallenges.consumedAt, cutoff)),
          ),
        )
        .returning({ id: twoFactorChallenges.id }),
    ),
    deleted(
      db
        .delete(passwordResetTokens)
        .where(
          or(lt(passwordResetTokens.expiresAt, cutoff), and(isNotNull(passwordResetTokens.usedAt), lt(passwordResetTokens.usedAt, cutoff))),
        )
        .returning({ id: passwordResetTokens.id }),
    ),
    deleted(
      db
        .delete(emailVerificationTokens)
        .where(
          or(
            lt(emailVerificationTokens.expiresAt, cutoff),
            and(isNotNull(emailVerificationTokens.usedAt), lt(emailVerificationTokens.usedAt, cutoff)),
          ),
        )
        .returning({ id: emailVerificationTokens.id }),
    ),
    deleted(db.delete(trustedDevices).where(lt(trustedDevices.expiresAt, now)).returning({ id: trustedDevices.id })),
    deleted(
      db
        .delete(emailOutbox)
        .where(lt(emailOutbox.createdAt, new Date(now.getTime() - OUTBOX_RETENTION_MS)))
        .returning({ id: emailOutbox.id }),
    ),
    deleted(db.delete(rateLimits).where(lt(rateLimits.expire, now)).returning({ id: rateLimits.key })),
    // A revoked session past its own expiry is refused anyway.
    deleted(db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, now)).returning({ id: revokedSessions.sessionId })),
  ]);
  return {
    twoFactorChallenges: challenges,
    passwordResetTokens: resets,
    emailVerificationTokens: verifications,
    trustedDevices: devices,
    outboxEmails: outbox,
    rateLimits: counters,
    revokedSessions: revoked,
  };
}
