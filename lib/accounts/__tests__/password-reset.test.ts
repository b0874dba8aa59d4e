import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { emailOutbox, passwordResetTokens, users, type User } from "@/db/schema";
import { findPasswordResetHolder, PASSWORD_RESET_TTL_MS, requestPasswordReset, resetPassword } from "@/lib/accounts/password-reset";
import { verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { resolveSessionUser } from "@/lib/auth/session";
import { startSignInAttempt } from "@/lib/auth/sign-in-limits";
import { settleBackgroundWork } from "@/lib/background";
import { linksIn } from "@/lib/email/outbox";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

setupTestDatabase();

const NEW_PASSWORD = "quartet in the attic";
let ipCounter = 0;
/** A fresh client address per request, so per-IP limits only apply where a test means them to. */
const nextIp = () => `203.0.113.${++ipCounter % 250}`;

async function latestEmail(address: string, subject: string) {
  await settleBackgroundWork();
  const [email] = await db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, address), eq(emailOutbox.subject, subject)))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  return email;
}

/** Requests a reset for `user` and returns the token from the emailed link. */
async function requestLink(user: User): Promise<string> {
  expect(await requestPasswordReset({ email: user.email }, nextIp())).toMatchObject({ ok: true });
  const email = await latestEmail(user.email, "Reset your MusBook password");
  const link = new URL(linksIn(email!.html).find((href) => href.includes("/reset-password"))!);
  expect(link.origin).toBe(new URL(process.env.APP_URL ?? "http://localhost:3000").origin);
  return link.searchParams.get("token")!;
}

const unusable = { ok: false, error: "This link has expired or has already been used. Ask for a new one." };

describe("requesting a reset", () => {
  it("answers the same whether or not the email has an account, and emails only the real one", async () => {
    const user = await createUser();
    const known = await requestPasswordReset({ email: user.email }, nextIp());
    const unknown = await requestPasswordReset({ email: "nobody@example.com" }, nextIp());
    expect(known).toEqual({ ok: true, message: `If an account exists for ${user.email}, we've sent a link to reset its password.` });
    expect(unknown).toEqual({ ok: true, message: "If an account exists for nobody@example.com, we've sent a link to reset its password." });
    expect(await latestEmail(user.email, "Reset your MusBook password")).toBeDefined();
    expect(await latestEmail("nobody@example.com", "Reset your MusBook password")).toBeUndefined();
  });

  it("takes about as long for an unknown email as for a known one", async () => {
    const trials = 30;
    const known = await Promise.all(Array.from({ length: trials }, () => createUser()));
    const timings = { known: [] as number[], unknown: [] as number[] };
    const timed = async (email: string) => {
      const start = performance.now();
      const result = await requestPasswordReset({ email }, nextIp());
      const elapsed = performance.now() - start;
      expect(result.ok).toBe(true);
      await settleBackgroundWork(); // the email goes out after the response; keep it out of the next trial
      return elapsed;
    };
    for (let trial = 0; trial < trials; trial++) {
      // Interleaved, so drift in machine load affects both alike.
      timings.known.push(await timed(known[trial]!.email));
      timings.unknown.push(await timed(`ghost-${randomUUID()}@example.com`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const delta = Math.abs(median(timings.known) - median(timings.unknown));
    console.info(
      `reset request median: known ${median(timings.known).toFixed(2)} ms, unknown ${median(timings.unknown).toFixed(2)} ms, delta ${delta.toFixed(2)} ms`,
    );
    expect(delta).toBeLessThan(25);
  });

  it("stores only a hash of the token, valid for 30 minutes", async () => {
    const user = await createUser();
    const token = await requestLink(user);
    const rows = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const lifetime = rows[0]!.expiresAt.getTime() - rows[0]!.createdAt.getTime();
    expect(Math.abs(lifetime - PASSWORD_RESET_TTL_MS)).toBeLessThan(5_000);
  });

  it("limits requests to 3 an hour per address, whatever its case, and 20 per IP", async () => {
    const user = await createUser();
    for (let request = 0; request < 3; request++) {
      expect(await requestPasswordReset({ email: user.email.toUpperCase() }, nextIp())).toMatchObject({ ok: true });
    }
    expect(await requestPasswordReset({ email: user.email }, nextIp())).toEqual({
      ok: false,
      error: "Too many reset requests. Try again in 60 minutes.",
    });

    const ip = "198.51.100.77";
    for (let request = 0; request < 20; request++) {
      expect(await requestPasswordReset({ email: `flood-${request}@example.com` }, ip)).toMatchObject({ ok: true });
    }
    expect(await requestPasswordReset({ email: "flood-20@example.com" }, ip)).toMatchObject({ ok: false });
    await settleBackgroundWork();
  });

  it("answers bad input with field errors, never an exception", async () => {
    const bad: unknown[] = [
      {},
      { email: "" },
      { email: "not-an-email" },
      { email: `${"a".repeat(300)}@example.com` },
      { email: "a@example.com", role: "teacher" },
      { email: ["a@example.com"] },
      null,
      "a string",
    ];
    for (const input of bad) {
      const result = await requestPasswordReset(input, nextIp());
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.fieldErrors).toBeTruthy();
    }
  });
});

describe("using a reset link", () => {
  it("sets the new password, ends every session, sends a notice, and does not sign in", async () => {
    const user = await createUser({ passwordHash: await hashPassword("old password of mine") });
    const token = await requestLink(user);
    expect(await findPasswordResetHolder(token)).toEqual({ name: user.name, email: user.email });
    const sessionBefore = {
      expires: new Date(Date.now() + 3_600_000).toISOString(),
      user: { id: user.id },
      sessionVersion: user.sessionVersion,
      sessionId: "5e55e55e-5e55-4e55-8e55-5e55e55e5e55",
    } as Session;
    expect(await resolveSessionUser(sessionBefore)).not.toBeNull();

    const result = await resetPassword({ token, password: NEW_PASSWORD });
    expect(result).toEqual({ ok: true, message: "Your password has been changed. Sign in with your new password." });
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after!.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await resolveSessionUser(sessionBefore)).toBeNull();
    expect(after!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await verifyCredentials(user.email, NEW_PASSWORD))?.id).toBe(user.id);
    expect(await verifyCredentials(user.email, "old password of mine")).toBeNull();
    expect(await latestEmail(user.email, "Your MusBook password was changed")).toBeDefined();
  });

  it("works once: the used link is dead, also for two parallel uses", async () => {
    const user = await createUser();
    const token = await requestLink(user);
    const results = await Promise.all([
      resetPassword({ token, password: NEW_PASSWORD }),
      resetPassword({ token, password: "another fine passphrase" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await resetPassword({ token, password: NEW_PASSWORD })).toEqual(unusable);
    expect(await findPasswordResetHolder(token)).toBeNull();
  });

  it("refuses an expired link", async () => {
    const user = await createUser();
    const token = await requestLink(user);
    const later = new Date(Date.now() + PASSWORD_RESET_TTL_MS + 1_000);
    expect(await findPasswordResetHolder(token, later)).toBeNull();
    expect(await resetPassword({ token, password: NEW_PASSWORD }, later)).toEqual(unusable);
  });

  it("refuses an older link once a newer one was sent", async () => {
    const user = await createUser();
    const older = await requestLink(user);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the outbox orders by creation time
    const newer = await requestLink(user);
    expect(newer).not.toBe(older);
    expect(await resetPassword({ token: older, password: NEW_PASSWORD })).toEqual(unusable);
    expect(await resetPassword({ token: newer, password: NEW_PASSWORD })).toMatchObject({ ok: true });
  });

  it("refuses a link sent before a password change", async () => {
    const user = await createUser();
    const token = await requestLink(user);
    // What a password change in settings does: a new hash and a bumped session version.
    await db
      .update(users)
      .set({ passwordHash: await hashPassword("changed in settings"), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    expect(await resetPassword({ token, password: NEW_PASSWORD })).toEqual(unusable);
  });

  it("refuses unknown and malformed links, and weak or bad passwords without using the link", async () => {
    const user = await createUser({ name: "Fanny Mendelssohn" });
    const token = await requestLink(user);
    expect(await resetPassword({ token: "A".repeat(43), password: NEW_PASSWORD })).toEqual(unusable);
    expect(await resetPassword({ token: "short", password: NEW_PASSWORD })).toEqual(unusable);
    expect(await resetPassword({ password: NEW_PASSWORD })).toEqual(unusable);
    expect(await resetPassword(null)).toMatchObject({ ok: false });

    const weak = await resetPassword({ token, password: "password1" });
    expect(weak).toMatchObject({ ok: false, fieldErrors: { password: expect.stringMatching(/too common/) } });
    expect(await resetPassword({ token, password: "fanny mendelssohn" })).toMatchObject({
      ok: false,
      fieldErrors: { password: expect.any(String) },
    });
    expect(await resetPassword({ token, password: "x".repeat(1001) })).toMatchObject({
      ok: false,
      fieldErrors: { password: expect.any(String) },
    });
    expect(await resetPassword({ token })).toMatchObject({ ok: false, fieldErrors: { password: expect.any(String) } });
    expect(await resetPassword({ token, password: NEW_PASSWORD, sessionVersion: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { form: expect.any(String) },
    });
    // None of those used the link up.
    expect(await resetPassword({ token, password: NEW_PASSWORD })).toMatchObject({ ok: true });
  });

  it("lets a locked-out owner back in: a reset clears the account's sign-in limit", async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < 10; attempt++) await startSignInAttempt(user.email, `192.0.2.${attempt}`);
    expect(await startSignInAttempt(user.email, "192.0.2.99")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Too many sign-in attempts/),
    });
    const token = await requestLink(user);
    expect(await resetPassword({ token, password: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(await startSignInAttempt(user.email, "192.0.2.99")).toEqual({ ok: true });
  });
});
