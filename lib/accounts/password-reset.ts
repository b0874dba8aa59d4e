import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { passwordResetTokens, users } from "@/db/schema";
import { invalid, type ActionResult } from "@/lib/actions";
import { findUserByEmail, normalizeEmail } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { consumeRateLimits, describeWait } from "@/lib/auth/rate-limit";
import { createSecretToken, hashSecretToken } from "@/lib/auth/secret-tokens";
import { clearSignInAttempts } from "@/lib/auth/sign-in-limits";
import { runAfterResponse } from "@/lib/background";
import { sendEmail } from "@/lib/email";
import { PasswordChanged } from "@/lib/email/templates/password-changed";
import { PasswordReset } from "@/lib/email/templates/password-reset";
import { appUrl } from "@/lib/env";
import { forgotPasswordSchema, resetPasswordSchema } from "./schemas";
import { MINUTE } from "@/lib/time";

export const PASSWORD_RESET_TTL_MS = 30 * MINUTE;

const UNUSABLE_LINK = "This link has expired or has already been used. Ask for a new one.";

/** Same answer either way, and the lookup and email run after the response, so timing does not tell either. */
export async function requestPasswordReset(raw: unknown, ip: string): Promise<ActionResult> {
  const parsed = forgotPasswordSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const email = normalizeEmail(parsed.data.email);
  const limit = await consumeRateLimits(["passwordResetIp", ip], ["passwordResetAccount", email]);
  if (!limit.ok) return { ok: false, error: `Too many reset requests. Try again in ${describeWait(limit.retryAfterSeconds)}.` };
  runAfterResponse("password reset email", () => sendResetLinkIfRegistered(email));
  return { ok: true, message: `If an account exists for ${email}, we've sent a link to reset its password.` };
}

async function sendResetLinkIfRegistered(email: string): Promise<void> {
  const user = await findUserByEmail(email);
  if (!user) return;
  const { token, hash } = createSecretToken();
  const now = new Date();
  await db.transaction(async (tx) => {
    // Serialises requests for one account, so exactly one link (the newest) stays usable.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    await invalidatePasswordResetTokens(user.id, tx, now);
    await tx.insert(passwordResetTokens).values({
      userId: user.id,
      sessionVersion: user.sessionVersion,
      tokenHash: hash,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
    });
  });
  await sendEmail({
    to: user.email,
    subject: "Reset your MusBook password",
    react: PasswordReset({ name: user.name, url: appUrl(`/reset-password?token=${token}`) }),
  });
}

export async function invalidatePasswordResetTokens(userId: string, executor: Executor = db, now = new Date()): Promise<void> {
  await executor
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}

/** A password change or "sign out everywhere" bumps the session version and so kills outstanding links. */
const usable = (tokenHash: string, now: Date) =>
  and(
    eq(passwordResetTokens.tokenHash, tokenHash),
    isNull(passwordResetTokens.usedAt),
    gt(passwordResetTokens.expiresAt, now),
    eq(
      passwordResetTokens.sessionVersion,
      sql`(select ${users.sessionVersion} from ${users} where ${users.id} = ${passwordResetTokens.userId})`,
    ),
  );

/** Reading never uses the link up. */
export async function findPasswordResetHolder(token: unknown, now = new Date()): Promise<{ name: string; email: string } | null> {
  const parsed = resetPasswordSchema.shape.token.safeParse(token);
  if (!parsed.success) return null;
  const [holder] = await db
    .select({ name: users.name, email: users.email })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(usable(hashSecretToken(parsed.data), now))
    .limit(1);
  return holder ?? null;
}

/** The link is claimed atomically, so two parallel uses yield one success. Not signed in after: two-factor still applies. */
export async function resetPassword(raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = resetPasswordSchema.safeParse(raw);
  if (!parsed.success) {
    const tokenIssue = parsed.error.issues.some((issue) => issue.path[0] === "token");
    return tokenIssue ? { ok: false, error: UNUSABLE_LINK } : invalid(parsed.error);
  }
  const { token, password } = parsed.data;
  const holder = await findPasswordResetHolder(token, now);
  if (!holder) return { ok: false, error: UNUSABLE_LINK };
  const problem = passwordProblem(password, [holder.name, holder.email]);
  if (problem) return { ok: false, error: "Please choose a stronger password.", fieldErrors: { password: problem } };

  const passwordHash = await hashPassword(password);
  const changed = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(usable(hashSecretToken(token), now))
      .returning({ userId: passwordResetTokens.userId });
    if (!claimed) return null;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, claimed.userId))
      .returning({ name: users.name, email: users.email });
    await invalidatePasswordResetTokens(claimed.userId, tx, now);
    return user!;
  });
  if (!changed) return { ok: false, error: UNUSABLE_LINK };

  // Whoever was guessing this account's password must not keep its owner locked out.
  await clearSignInAttempts(changed.email);
  runAfterResponse("password changed email", () =>
    sendEmail({
      to: changed.email,
      subject: "Your MusBook password was changed",
      react: PasswordChanged({ name: changed.name, signInUrl: appUrl("/sign-in"), resetUrl: appUrl("/forgot-password") }),
    }),
  );
  return { ok: true, message: "Your password has been changed. Sign in with your new password." };
}
