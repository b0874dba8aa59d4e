import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { emailOutbox, emailVerificationTokens, passwordResetTokens, rateLimits, revokedSessions, twoFactorChallenges } from "@/db/schema";
import { pruneExpiredAuthData } from "@/lib/maintenance/prune";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

setupTestDatabase();

const now = new Date("2026-11-24T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe("pruning expired auth data", () => {
  it("deletes spent and long-expired secrets, expired counters and old outbox mail, and keeps live ones", async () => {
    const user = await createUser();
    const sessionVersion = user.sessionVersion;
    await db.insert(passwordResetTokens).values([
      { userId: user.id, sessionVersion, tokenHash: "expired-long-ago", expiresAt: hoursAgo(30) },
      { userId: user.id, sessionVersion, tokenHash: "used-long-ago", expiresAt: hoursAgo(-1), usedAt: hoursAgo(25) },
      { userId: user.id, sessionVersion, tokenHash: "expired-recently", expiresAt: hoursAgo(2) },
      { userId: user.id, sessionVersion, tokenHash: "live", expiresAt: hoursAgo(-0.5) },
    ]);
    await db.insert(rateLimits).values([
      { key: "signIn:900:expired", points: 10, expire: hoursAgo(0.1) },
      { key: "signIn:900:live", points: 3, expire: hoursAgo(-0.1) },
    ]);
    await db.insert(revokedSessions).values([
      { sessionId: "00000000-0000-4000-8000-000000000001", userId: user.id, expiresAt: hoursAgo(1) },
      { sessionId: "00000000-0000-4000-8000-000000000002", userId: user.id, expiresAt: hoursAgo(-11) },
    ]);
    await db
      .insert(emailVerificationTokens)
      .values({ userId: user.id, email: user.email, tokenHash: "old-verify", expiresAt: hoursAgo(48) });
    await db.insert(twoFactorChallenges).values({ userId: user.id, purpose: "sign_in", codeHash: "h", expiresAt: hoursAgo(26) });
    await db.insert(emailOutbox).values([
      { toAddress: "a@example.com", subject: "old", html: "<p>x</p>", text: "x", createdAt: hoursAgo(24 * 31) },
      { toAddress: "a@example.com", subject: "new", html: "<p>x</p>", text: "x", createdAt: hoursAgo(1) },
    ]);

    expect(await pruneExpiredAuthData(now)).toEqual({
      twoFactorChallenges: 1,
      passwordResetTokens: 2,
      emailVerificationTokens: 1,
      trustedDevices: 0,
      outboxEmails: 1,
      rateLimits: 1,
      revokedSessions: 1,
    });
    const left = await db.select({ tokenHash: passwordResetTokens.tokenHash }).from(passwordResetTokens);
    expect(left.map((row) => row.tokenHash).sort()).toEqual(["expired-recently", "live"]);
    expect((await db.select().from(emailOutbox)).map((row) => row.subject)).toEqual(["new"]);
    expect((await db.select().from(rateLimits)).map((row) => row.key)).toEqual(["signIn:900:live"]);
    // Idempotent.
    expect(Object.values(await pruneExpiredAuthData(now)).every((count) => count === 0)).toBe(true);
  });
});
