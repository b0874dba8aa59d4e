import { eq } from "drizzle-orm";
import { trustedDevices, users, type User } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { invalid, type ActionResult } from "@/lib/actions";
import { findUserById } from "@/lib/auth/credentials";
import { verifyPassword } from "@/lib/auth/password";
import { currentPasswordSchema, twoFactorEnrolmentSchema } from "@/lib/auth/schemas";
import { challengeFailureMessage } from "@/lib/auth/sign-in";
import { consumeRateLimit } from "@/lib/auth/rate-limit";
import { createChallenge, latestEnrolmentChallenge, verifyUserChallenge } from "@/lib/auth/two-factor";
import { runAfterResponse } from "@/lib/background";
import { sendEmail } from "@/lib/email";
import { AccountNotice } from "@/lib/email/templates/account-notice";
import { appUrl } from "@/lib/env";
import { notify } from "@/lib/notifications";

type Actor = Pick<User, "id">;

const SESSION_GONE: ActionResult = { ok: false, error: "Your account could not be found. Sign in again." };

/** Step one of turning on two-step sign-in: a code to the (confirmed) address, proving the inbox works. */
export async function startTwoFactorEnrolment(actor: Actor): Promise<ActionResult> {
  const user = await findUserById(actor.id);
  if (!user) return SESSION_GONE;
  if (user.twoFactorEnabled) return { ok: false, error: "Two-step sign-in is already on." };
  if (!user.emailVerifiedAt) return { ok: false, error: "Confirm your email address first: the codes are sent there." };
  const allowed = await consumeRateLimit("twoFactorResend", user.id);
  if (!allowed.ok) return { ok: false, error: allowed.message };
  await createChallenge(user, "enable");
  return { ok: true, message: `We sent a 6-digit code to ${user.email}.` };
}

/** Step two: the right code turns it on. */
export async function confirmTwoFactorEnrolment(actor: Actor, raw: unknown): Promise<ActionResult> {
  const parsed = twoFactorEnrolmentSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, "Enter the 6-digit code from the email.");
  const user = await findUserById(actor.id);
  if (!user) return SESSION_GONE;
  if (user.twoFactorEnabled) return { ok: true, message: "Two-step sign-in is already on." };
  const challengeId = await latestEnrolmentChallenge(user.id);
  if (!challengeId) return { ok: false, error: "That code has expired. Send yourself a new one." };
  const result = await verifyUserChallenge(user.id, challengeId, "enable", parsed.data.code);
  if (!result.ok) {
    return {
      ok: false,
      error: challengeFailureMessage(result, "Send yourself a new code."),
      fieldErrors: { code: "Check the code and try again." },
    };
  }
  await setTwoFactor(user, true);
  return { ok: true, message: "Two-step sign-in is on. We'll email you a code each time you sign in on a new device." };
}

/** Turning it off needs the password, so an unattended signed-in browser cannot weaken the account. */
export async function disableTwoFactor(actor: Actor, raw: unknown): Promise<ActionResult> {
  const parsed = currentPasswordSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const user = await findUserById(actor.id);
  if (!user) return SESSION_GONE;
  if (!user.twoFactorEnabled) return { ok: true, message: "Two-step sign-in is already off." };
  if (!(await verifyPassword(user.passwordHash, parsed.data.password))) {
    return { ok: false, error: "That password isn't right.", fieldErrors: { password: "That password isn't right." } };
  }
  await setTwoFactor(user, false);
  return { ok: true, message: "Two-step sign-in is off." };
}

async function setTwoFactor(user: User, enabled: boolean): Promise<void> {
  const summary = enabled
    ? "Two-step sign-in was turned on for your MusBook account."
    : "Two-step sign-in was turned off for your MusBook account.";
  await inTransaction(async (scope) => {
    await scope.tx.update(users).set({ twoFactorEnabled: enabled, updatedAt: new Date() }).where(eq(users.id, user.id));
    // Devices trusted under the old setting are forgotten either way.
    await scope.tx.delete(trustedDevices).where(eq(trustedDevices.userId, user.id));
    await notify(
      [user.id],
      {
        type: "account.two_factor_changed",
        title: enabled ? "Two-step sign-in turned on" : "Two-step sign-in turned off",
        link: "/settings/security",
      },
      scope,
    );
  });
  runAfterResponse("two-factor notice email", () =>
    sendEmail({
      to: user.email,
      subject: enabled ? "Two-step sign-in is on" : "Two-step sign-in is off",
      react: AccountNotice({
        name: user.name,
        preview: summary,
        paragraphs: [summary, "If this wasn't you, reset your password straight away and review your security settings."],
        action: { label: "Review security settings", url: appUrl("/settings/security") },
      }),
    }),
  );
}
