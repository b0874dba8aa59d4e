import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { emailOutbox, notifications, trustedDevices, twoFactorChallenges, users } from "@/db/schema";
import { confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment } from "@/lib/accounts/two-factor";
import { settleBackgroundWork } from "@/lib/background";
import { hashPassword } from "@/lib/auth/password";
import { beginSignIn, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import {
  createChallenge,
  readPendingSignIn,
  redeemSignInTicket,
  resendSignInCode,
  signPendingSignIn,
  trustDevice,
  verifyChallenge,
  verifyUserChallenge,
} from "@/lib/auth/two-factor";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

vi.mock("@/lib/realtime", () => ({ publish: async () => true }));

setupTestDatabase();

const PASSWORD = "minor scales in thirds";

async function twoStepUser() {
  return createUser({ twoFactorEnabled: true, passwordHash: await hashPassword(PASSWORD) });
}

/** The code from the newest email to `address` (it is in the subject line). */
async function latestCode(address: string): Promise<string> {
  await settleBackgroundWork();
  const sent = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address));
  const newest = sent.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.subject.localeCompare(a.subject))[0];
  const code = /\b(\d{6})\b/.exec(newest?.subject ?? "")?.[1];
  if (!code) throw new Error(`no code emailed to ${address}`);
  return code;
}

const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("signing in with two-step sign-in", () => {
  it("goes straight to a session without it, and to an emailed code with it", async () => {
    const plain = await createUser({ passwordHash: await hashPassword(PASSWORD) });
    expect(await beginSignIn({ email: plain.email, password: PASSWORD }, undefined)).toMatchObject({
      ok: true,
      data: { next: "session", ticket: expect.any(String) },
    });

    const guarded = await twoStepUser();
    const step = await beginSignIn({ email: guarded.email, password: PASSWORD }, undefined);
    expect(step).toMatchObject({ ok: true, data: { next: "code" } });
    const code = await latestCode(guarded.email);
    const [challenge] = await db.select().from(twoFactorChallenges).where(eq(twoFactorChallenges.userId, guarded.id));
    expect(challenge!.codeHash).not.toContain(code); // stored as a keyed hash only
    expect(challenge!.codeHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers a wrong password and an unknown email alike, and sends no code", async () => {
    const guarded = await twoStepUser();
    expect(await beginSignIn({ email: guarded.email, password: "wrong" }, undefined)).toEqual({ ok: false, error: WRONG_CREDENTIALS });
    expect(await beginSignIn({ email: "nobody@example.com", password: "wrong" }, undefined)).toEqual({
      ok: false,
      error: WRONG_CREDENTIALS,
    });
    expect(await db.select().from(twoFactorChallenges).where(eq(twoFactorChallenges.userId, guarded.id))).toHaveLength(0);
  });

  it("skips the code on a device trusted within 30 days, and not on another or after expiry", async () => {
    const guarded = await twoStepUser();
    const { token } = await trustDevice(guarded.id);
    expect(await beginSignIn({ email: guarded.email, password: PASSWORD }, token)).toMatchObject({
      ok: true,
      data: { next: "session", ticket: expect.any(String) },
    });
    expect((await beginSignIn({ email: guarded.email, password: PASSWORD }, "A".repeat(43))).ok && "code").toBe("code");
    await db
      .update(trustedDevices)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(trustedDevices.userId, guarded.id));
    const step = await beginSignIn({ email: guarded.email, password: PASSWORD }, token);
    expect(step.ok && step.data.next).toBe("code");
  });

  it("answers malformed input with field errors", async () => {
    const result = await beginSignIn({ email: "not-an-email", password: "", role: "teacher" }, undefined);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors).toMatchObject({ email: expect.any(String) });
  });
});

describe("codes", () => {
  it("accepts the right code once, then the challenge is spent", async () => {
    const user = await twoStepUser();
    const challengeId = await createChallenge(user, "sign_in");
    const code = await latestCode(user.email);
    expect(await verifyChallenge(challengeId, "sign_in", code)).toEqual({ ok: true, userId: user.id });
    expect(await verifyChallenge(challengeId, "sign_in", code)).toEqual({ ok: false, reason: "used" });
  });

  it("dies after five wrong codes, even for the right code afterwards", async () => {
    const user = await twoStepUser();
    const challengeId = await createChallenge(user, "sign_in");
    const code = await latestCode(user.email);
    for (let left = 4; left >= 1; left--) {
      expect(await verifyChallenge(challengeId, "sign_in", wrongCode(code))).toEqual({ ok: false, reason: "wrong", attemptsLeft: left });
    }
    expect(await verifyChallenge(challengeId, "sign_in", wrongCode(code))).toEqual({ ok: false, reason: "locked" });
    expect(await verifyChallenge(challengeId, "sign_in", code)).toEqual({ ok: false, reason: "locked" });
  });

  it("expires after 10 minutes", async () => {
    const user = await twoStepUser();
    const challengeId = await createChallenge(user, "sign_in");
    const code = await latestCode(user.email);
    expect(await verifyChallenge(challengeId, "sign_in", code, new Date(Date.now() + 10 * 60_000 + 1000))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("binds a code to its challenge, its purpose and its account", async () => {
    const [alice, bob] = [await twoStepUser(), await twoStepUser()];
    const aliceChallenge = await createChallenge(alice, "sign_in");
    const aliceCode = await latestCode(alice.email);
    const bobChallenge = await createChallenge(bob, "sign_in");
    expect((await verifyChallenge(bobChallenge, "sign_in", aliceCode)).ok).toBe(false);
    expect((await verifyChallenge(aliceChallenge, "enable", aliceCode)).ok).toBe(false);
    expect((await verifyChallenge(aliceChallenge, "sign_in", aliceCode)).ok).toBe(true);
  });

  it("lets only one of two simultaneous verifications of the right code succeed", async () => {
    const user = await twoStepUser();
    const challengeId = await createChallenge(user, "sign_in");
    const code = await latestCode(user.email);
    const results = await Promise.all([verifyChallenge(challengeId, "sign_in", code), verifyChallenge(challengeId, "sign_in", code)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("allows ten guesses an hour per account, across fresh challenges", async () => {
    const user = await twoStepUser();
    for (let round = 0; round < 2; round++) {
      const challengeId = await createChallenge(user, "sign_in");
      const code = await latestCode(user.email);
      for (let guess = 0; guess < 5; guess++) await verifyUserChallenge(user.id, challengeId, "sign_in", wrongCode(code));
    }
    const challengeId = await createChallenge(user, "sign_in");
    const code = await latestCode(user.email);
    expect(await verifyUserChallenge(user.id, challengeId, "sign_in", code)).toMatchObject({
      ok: false,
      reason: "throttled",
      retryMessage: expect.stringMatching(/Try again in \d+ minutes/),
    });
  });

  it("throttles resends to one a minute", async () => {
    const user = await twoStepUser();
    const first = await createChallenge(user, "sign_in");
    const resent = await resendSignInCode(first);
    expect(resent.ok).toBe(true);
    const again = await resendSignInCode(resent.ok ? resent.data.challengeId : first);
    expect(again).toMatchObject({ ok: false, error: expect.stringContaining("Try again in 1 minute") });
  });

  it("makes a resent code the only valid one", async () => {
    const user = await twoStepUser();
    const first = await createChallenge(user, "sign_in");
    const firstCode = await latestCode(user.email);
    const resent = await resendSignInCode(first);
    expect(resent.ok).toBe(true);
    const second = resent.ok ? resent.data.challengeId : "";
    expect(await verifyChallenge(first, "sign_in", firstCode)).toEqual({ ok: false, reason: "expired" });
    expect((await verifyChallenge(second, "sign_in", await latestCode(user.email))).ok).toBe(true);
  });
});

describe("from verified code to session", () => {
  it("redeems a verified sign-in challenge once, within a minute, and never an unverified one", async () => {
    const user = await twoStepUser();
    const challengeId = await createChallenge(user, "sign_in");
    expect(await redeemSignInTicket(challengeId)).toBeNull();
    await verifyChallenge(challengeId, "sign_in", await latestCode(user.email));
    expect(await redeemSignInTicket(challengeId, new Date(Date.now() + 61_000))).toBeNull();
    expect(await redeemSignInTicket(challengeId)).toBe(user.id);
    expect(await redeemSignInTicket(challengeId)).toBeNull();
  });

  it("signs the pending cookie so it cannot be forged or pointed at another challenge", async () => {
    const id = crypto.randomUUID();
    const other = crypto.randomUUID();
    const cookie = signPendingSignIn(id);
    expect(readPendingSignIn(cookie)).toBe(id);
    expect(readPendingSignIn(`${other}.${cookie.split(".")[1]}`)).toBeNull();
    expect(readPendingSignIn(`${id}.${"A".repeat(43)}`)).toBeNull();
    expect(readPendingSignIn(id)).toBeNull();
    expect(readPendingSignIn(undefined)).toBeNull();
  });
});

describe("turning two-step sign-in on and off", () => {
  it("needs a confirmed email, then the emailed code; it notifies and forgets trusted devices", async () => {
    const unverified = await createUser({ emailVerifiedAt: null });
    expect(await startTwoFactorEnrolment(unverified)).toMatchObject({ ok: false, error: expect.stringContaining("Confirm your email") });

    const user = await createUser({ passwordHash: await hashPassword(PASSWORD) });
    expect(await confirmTwoFactorEnrolment(user, { code: "123456" })).toMatchObject({
      ok: false,
      error: expect.stringContaining("expired"),
    });
    expect(await startTwoFactorEnrolment(user)).toMatchObject({ ok: true });
    const code = await latestCode(user.email);
    expect(await confirmTwoFactorEnrolment(user, { code: wrongCode(code) })).toMatchObject({
      ok: false,
      error: expect.stringContaining("4 attempts left"),
    });
    expect(await confirmTwoFactorEnrolment(user, { code: `${code.slice(0, 3)} ${code.slice(3)}` })).toMatchObject({ ok: true });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row!.twoFactorEnabled).toBe(true);
    expect(await db.select().from(notifications).where(eq(notifications.userId, user.id))).toMatchObject([
      { type: "account.two_factor_changed" },
    ]);

    await trustDevice(user.id);
    expect(await disableTwoFactor(user, { password: "not it" })).toMatchObject({
      ok: false,
      fieldErrors: { password: expect.any(String) },
    });
    expect(await disableTwoFactor(user, { password: PASSWORD })).toMatchObject({ ok: true });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after!.twoFactorEnabled).toBe(false);
    expect(await db.select().from(trustedDevices).where(eq(trustedDevices.userId, user.id))).toHaveLength(0);
  });

  it.each([
    ["no code", {}],
    ["letters", { code: "abcdef" }],
    ["too many digits", { code: "1234567" }],
    ["an extra field", { code: "123456", twoFactorEnabled: true }],
  ])("refuses %s with a field error", async (_case, input) => {
    const user = await createUser();
    const result = await confirmTwoFactorEnrolment(user, input);
    expect(result.ok).toBe(false);
  });
});
