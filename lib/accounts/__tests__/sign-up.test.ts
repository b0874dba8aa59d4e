import { desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { emailOutbox, emailVerificationTokens, users } from "@/db/schema";
import { resendVerificationEmail, signUp, verifyEmail } from "@/lib/accounts/sign-up";
import { linksIn } from "@/lib/email/outbox";
import { settleBackgroundWork } from "@/lib/background";
import { setupTestDatabase } from "@/tests/database";

setupTestDatabase();

const IP = "203.0.113.7";

const valid = {
  role: "teacher",
  name: "Clara Schumann",
  email: "clara@example.com",
  password: "romance in a minor",
  timezone: "Europe/Berlin",
  phone: "+49 30 1234567",
};

async function lastEmailTo(address: string) {
  await settleBackgroundWork();
  const [email] = await db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  return email;
}

const tokenFrom = (html: string) => new URL(linksIn(html).find((link) => link.includes("/verify-email"))!).searchParams.get("token")!;

describe("sign-up", () => {
  it("creates an unverified account and emails a confirmation link built from APP_URL", async () => {
    expect(await signUp(valid, IP)).toEqual({ ok: true });
    const [user] = await db.select().from(users).where(eq(users.email, "clara@example.com"));
    expect(user).toMatchObject({ role: "teacher", timezone: "Europe/Berlin", phone: "+49 30 1234567", emailVerifiedAt: null });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    const email = await lastEmailTo("clara@example.com");
    expect(email?.subject).toBe("Confirm your email address");
    expect(linksIn(email!.html)[0]).toMatch(/^http:\/\/localhost:3000\/verify-email\?token=[\w-]{43}$/);
    const [stored] = await db.select().from(emailVerificationTokens).where(eq(emailVerificationTokens.userId, user!.id));
    expect(stored!.tokenHash).not.toContain(tokenFrom(email!.html)); // only the hash is stored
  });

  it("answers an existing email exactly like a new one, and tells the owner by email instead", async () => {
    const input = { ...valid, email: "Existing@Example.com", name: "Existing" };
    expect(await signUp(input, IP)).toEqual({ ok: true });
    const again = await signUp({ ...input, email: "existing@example.com", name: "Impostor", role: "student" }, IP);
    expect(again).toEqual({ ok: true });
    const rows = await db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = 'existing@example.com'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name).toBe("Existing");
    expect((await lastEmailTo("existing@example.com"))?.subject).toBe("You already have a MusBook account");
  });

  it("answers bad input with field errors, never an exception", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, email: "not-an-email" }, "email"],
      [{ ...valid, name: "" }, "name"],
      [{ ...valid, name: "x".repeat(101) }, "name"],
      [{ ...valid, name: "Evil\u202Eeman" }, "name"],
      [{ ...valid, timezone: "Mars/Olympus" }, "timezone"],
      [{ ...valid, role: "admin" }, "role"],
      [{ ...valid, phone: "call me maybe" }, "phone"],
      [{ ...valid, password: "password1" }, "password"],
      [{ ...valid, password: "short" }, "password"],
      [{ ...valid, password: "y".repeat(5000) }, "password"],
      [{ ...valid, emailVerifiedAt: "2020-01-01" }, "form"],
      [{ ...valid, sessionVersion: 7 }, "form"],
      [{ ...valid, __proto__: { role: "teacher" }, email: ["a@b.c"] }, "email"],
    ];
    for (const [input, field] of cases) {
      const result = await signUp(input, IP);
      expect(result.ok, JSON.stringify(input).slice(0, 80)).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toContain(field);
    }
    expect(await signUp(null, IP)).toMatchObject({ ok: false });
    expect(await signUp("a string", IP)).toMatchObject({ ok: false });
  });
});

describe("email verification", () => {
  it("confirms once; the link is then dead", async () => {
    await signUp({ ...valid, email: "verify@example.com" }, IP);
    const token = tokenFrom((await lastEmailTo("verify@example.com"))!.html);
    expect(await verifyEmail({ token })).toMatchObject({ ok: true });
    const [user] = await db.select().from(users).where(eq(users.email, "verify@example.com"));
    expect(user!.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await verifyEmail({ token })).toMatchObject({ ok: false, error: expect.stringMatching(/expired or has already been used/) });
  });

  it("refuses an expired link and a malformed one", async () => {
    await signUp({ ...valid, email: "late@example.com" }, IP);
    const token = tokenFrom((await lastEmailTo("late@example.com"))!.html);
    const tomorrowAndABit = new Date(Date.now() + 25 * 3_600_000);
    expect(await verifyEmail({ token }, tomorrowAndABit)).toMatchObject({ ok: false });
    expect(await verifyEmail({ token: "abc" })).toMatchObject({ ok: false, error: expect.stringMatching(/not valid/) });
    expect(await verifyEmail({ token, extra: 1 })).toMatchObject({ ok: false });
  });

  it("lets two parallel uses of one link succeed only once", async () => {
    await signUp({ ...valid, email: "race@example.com" }, IP);
    const token = tokenFrom((await lastEmailTo("race@example.com"))!.html);
    const results = await Promise.all([verifyEmail({ token }), verifyEmail({ token }), verifyEmail({ token })]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("sends a fresh link on request and kills the old one", async () => {
    await signUp({ ...valid, email: "resend@example.com" }, IP);
    const oldToken = tokenFrom((await lastEmailTo("resend@example.com"))!.html);
    const [user] = await db.select().from(users).where(eq(users.email, "resend@example.com"));
    // The outbox orders by creation time; make sure the new email is strictly newer.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await resendVerificationEmail(user!)).toMatchObject({ ok: true });
    const newToken = tokenFrom((await lastEmailTo("resend@example.com"))!.html);
    expect(newToken).not.toBe(oldToken);
    expect(await verifyEmail({ token: oldToken })).toMatchObject({ ok: false });
    expect(await verifyEmail({ token: newToken })).toMatchObject({ ok: true });
    expect(await resendVerificationEmail(user!)).toMatchObject({ ok: true, message: expect.stringMatching(/already confirmed/) });
  });

  it("sends at most one new link a minute", async () => {
    await signUp({ ...valid, email: "impatient@example.com" }, IP);
    const [user] = await db.select().from(users).where(eq(users.email, "impatient@example.com"));
    expect(await resendVerificationEmail(user!)).toMatchObject({ ok: true });
    expect(await resendVerificationEmail(user!)).toEqual({
      ok: false,
      error: "We sent a link a moment ago. You can ask for another in 1 minute.",
    });
  });

  it("accepts at most 10 sign-ups an hour from one IP address", async () => {
    const ip = "198.51.100.23";
    for (let index = 0; index < 10; index++) {
      expect(await signUp({ ...valid, email: `burst-${index}@example.com` }, ip)).toEqual({ ok: true });
    }
    expect(await signUp({ ...valid, email: "burst-10@example.com" }, ip)).toEqual({
      ok: false,
      error: "Too many new accounts from your network. Try again in 60 minutes.",
    });
    expect(await signUp({ ...valid, email: "burst-10@example.com" }, "198.51.100.24")).toEqual({ ok: true });
  });
});
