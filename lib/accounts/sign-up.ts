import { and, eq, gt, isNull } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { inTransaction } from "@/db/transaction";
import { isUniqueViolation } from "@/db/errors";
import { emailVerificationTokens, notificationPreferences, users } from "@/db/schema";
import { invalid, type ActionResult } from "@/lib/actions";
import { findUserByEmail, findUserById, normalizeEmail } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { consumeRateLimit, describeWait } from "@/lib/auth/rate-limit";
import { createSecretToken, hashSecretToken } from "@/lib/auth/secret-tokens";
import { runAfterResponse } from "@/lib/background";
import { sendEmail } from "@/lib/email";
import { AccountExists } from "@/lib/email/templates/account-exists";
import { VerifyEmail } from "@/lib/email/templates/verify-email";
import { announceWaitingInvitations } from "@/lib/connections/invitations";
import { appUrl } from "@/lib/env";
import { notify } from "@/lib/notifications";
import { signUpSchema, verifyEmailSchema } from "./schemas";
import { DAY } from "@/lib/time";

export const EMAIL_VERIFICATION_TTL_MS = DAY;

type SignUpValues = z.output<typeof signUpSchema>;

function checkSignUp(raw: unknown): ActionResult<SignUpValues> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const problem = passwordProblem(parsed.data.password, [parsed.data.name, parsed.data.email]);
  if (problem) return { ok: false, error: "Please choose a stronger password.", fieldErrors: { password: problem } };
  return { ok: true, data: parsed.data };
}

async function storeAccount(
  input: SignUpValues,
  email: string,
  passwordHash: string,
  now: Date,
): Promise<{ userId: string; token: string }> {
  const { token, hash } = createSecretToken();
  const userId = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email, name: input.name, role: input.role, timezone: input.timezone, phone: input.phone ?? null, passwordHash })
      .returning({ id: users.id });
    await tx.insert(notificationPreferences).values({ userId: user!.id });
    await tx.insert(emailVerificationTokens).values({
      userId: user!.id,
      email,
      tokenHash: hash,
      expiresAt: new Date(now.getTime() + EMAIL_VERIFICATION_TTL_MS),
    });
    return user!.id;
  });
  return { userId, token };
}

/** Same answer and a password hash on both paths, so neither response nor timing reveals who is registered. */
export async function signUp(raw: unknown, ip: string): Promise<ActionResult> {
  const checked = checkSignUp(raw);
  if (!checked.ok) return checked;
  const input = checked.data;
  const limit = await consumeRateLimit("signUpIp", ip);
  if (!limit.ok)
    return { ok: false, error: `Too many new accounts from your network. Try again in ${describeWait(limit.retryAfterSeconds)}.` };

  const email = normalizeEmail(input.email);
  const [existing, passwordHash] = await Promise.all([findUserByEmail(email), hashPassword(input.password)]);
  if (existing) {
    notifyExistingAccount(existing.email, existing.name);
    return { ok: true };
  }

  try {
    const { token } = await storeAccount(input, email, passwordHash, new Date());
    sendVerificationEmail(email, input.name, token);
  } catch (error) {
    // Two sign-ups racing for one address: the loser is answered exactly like any existing account.
    if (!isUniqueViolation(error)) throw error;
    notifyExistingAccount(email, input.name);
  }
  return { ok: true };
}

/** Says plainly when an address is taken, so it must never back a public endpoint. */
export async function registerAccount(
  raw: unknown,
  now = new Date(),
): Promise<ActionResult<{ userId: string; verificationToken: string }>> {
  const checked = checkSignUp(raw);
  if (!checked.ok) return checked;
  const email = normalizeEmail(checked.data.email);
  if (await findUserByEmail(email))
    return { ok: false, error: "That email address already has an account.", fieldErrors: { email: "Already registered." } };
  const { userId, token } = await storeAccount(checked.data, email, await hashPassword(checked.data.password), now);
  return { ok: true, data: { userId, verificationToken: token } };
}

function notifyExistingAccount(email: string, name: string): void {
  runAfterResponse("account-exists email", () =>
    sendEmail({
      to: email,
      subject: "You already have a MusBook account",
      react: AccountExists({ name, signInUrl: appUrl("/sign-in"), resetUrl: appUrl("/forgot-password") }),
    }),
  );
}

function sendVerificationEmail(email: string, name: string, token: string): void {
  const url = appUrl(`/verify-email?token=${token}`);
  runAfterResponse("verification email", () =>
    sendEmail({ to: email, subject: "Confirm your email address", react: VerifyEmail({ name, url }) }),
  );
}

/** One outstanding link per account, so an older link can never switch the address back. */
export async function issueEmailVerificationToken(userId: string, email: string, now = new Date()): Promise<string> {
  const { token, hash } = createSecretToken();
  await db.transaction(async (tx) => {
    await tx
      .update(emailVerificationTokens)
      .set({ usedAt: now })
      .where(and(eq(emailVerificationTokens.userId, userId), isNull(emailVerificationTokens.usedAt)));
    await tx.insert(emailVerificationTokens).values({
      userId,
      email,
      tokenHash: hash,
      expiresAt: new Date(now.getTime() + EMAIL_VERIFICATION_TTL_MS),
    });
  });
  return token;
}

export async function resendVerificationEmail(actor: { id: string }): Promise<ActionResult> {
  const user = await findUserById(actor.id);
  if (!user) return { ok: false, error: "Your account could not be found." };
  if (user.emailVerifiedAt) return { ok: true, message: "Your email address is already confirmed." };
  const limit = await consumeRateLimit("verificationResend", user.id);
  if (!limit.ok)
    return { ok: false, error: `We sent a link a moment ago. You can ask for another in ${describeWait(limit.retryAfterSeconds)}.` };
  const token = await issueEmailVerificationToken(user.id, user.email);
  sendVerificationEmail(user.email, user.name, token);
  return { ok: true, message: `We sent a new link to ${user.email}.` };
}

const emailConfirmedNotification = (email: string) => ({
  type: "account.email_verified" as const,
  title: "Email address confirmed",
  body: `${email} is confirmed. Invitations, lesson requests and cancellations can now reach you there.`,
  link: "/dashboard",
});

/** Single use: the claim and the update are one transaction. */
export async function verifyEmail(raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = verifyEmailSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, parsed.error.issues[0]!.message);
  const used = await inTransaction(async ({ tx, afterCommit }) => {
    const [claimed] = await tx
      .update(emailVerificationTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailVerificationTokens.tokenHash, hashSecretToken(parsed.data.token)),
          isNull(emailVerificationTokens.usedAt),
          gt(emailVerificationTokens.expiresAt, now),
        ),
      )
      .returning();
    if (!claimed) return "unusable" as const;
    const [user] = await tx
      .update(users)
      .set({ email: claimed.email, emailVerifiedAt: now })
      .where(eq(users.id, claimed.userId))
      .returning({ role: users.role });
    await notify([claimed.userId], emailConfirmedNotification(claimed.email), { tx, afterCommit });
    if (user?.role === "student") await announceWaitingInvitations({ id: claimed.userId, email: claimed.email }, { tx, afterCommit }, now);
    return "confirmed" as const;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) return "taken" as const; // the address was registered by someone else meanwhile
    throw error;
  });
  if (used === "confirmed") return { ok: true, message: "Your email address is confirmed." };
  if (used === "taken") return { ok: false, error: "That email address now belongs to another account." };
  return { ok: false, error: "This link has expired or has already been used. Sign in and ask for a new one." };
}
