"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { formValues, invalid, type FormState } from "@/lib/actions";
import { secureCookie } from "@/lib/auth/cookies";
import { twoFactorSignInSchema } from "@/lib/auth/schemas";
import { challengeFailureMessage } from "@/lib/auth/sign-in";
import {
  PENDING_SIGN_IN_COOKIE,
  readPendingSignIn,
  resendSignInCode,
  signPendingSignIn,
  TRUSTED_DEVICE_COOKIE,
  TRUSTED_DEVICE_TTL_MS,
  TWO_FACTOR_CODE_TTL_MS,
  pendingSignIn,
  trustDevice,
  verifyUserChallenge,
} from "@/lib/auth/two-factor";

const RESTART = "Go back and sign in again for a new code.";
const SIGN_IN_ENDED: FormState = { ok: false, error: "This sign-in has timed out. Go back and sign in again." };

export async function verifySignInCodeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = twoFactorSignInSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(parsed.error, "Enter the 6-digit code from the email.");
  const cookieStore = await cookies();
  const ticket = cookieStore.get(PENDING_SIGN_IN_COOKIE)?.value;
  const challengeId = readPendingSignIn(ticket);
  if (!ticket || !challengeId) return SIGN_IN_ENDED;

  const pending = await pendingSignIn(challengeId);
  if (!pending) return SIGN_IN_ENDED;
  const result = await verifyUserChallenge(pending.user.id, challengeId, "sign_in", parsed.data.code);
  if (!result.ok) return { ok: false, error: challengeFailureMessage(result, RESTART), fieldErrors: { code: "Check the code and try again." } };
  if (parsed.data.trustDevice) {
    const device = await trustDevice(result.userId);
    cookieStore.set(TRUSTED_DEVICE_COOKIE, device.token, secureCookie(TRUSTED_DEVICE_TTL_MS / 1000));
  }
  cookieStore.delete(PENDING_SIGN_IN_COOKIE);
  try {
    await signIn("two-factor", { ticket, redirectTo: parsed.data.callbackUrl ?? "/dashboard" });
  } catch (error) {
    if (error instanceof AuthError) return SIGN_IN_ENDED;
    throw error;
  }
  return undefined;
}

export async function resendSignInCodeAction(): Promise<FormState> {
  const cookieStore = await cookies();
  const challengeId = readPendingSignIn(cookieStore.get(PENDING_SIGN_IN_COOKIE)?.value);
  if (!challengeId) return SIGN_IN_ENDED;
  const result = await resendSignInCode(challengeId);
  if (!result.ok) return result;
  cookieStore.set(PENDING_SIGN_IN_COOKIE, signPendingSignIn(result.data.challengeId), secureCookie(TWO_FACTOR_CODE_TTL_MS / 1000));
  return { ok: true, message: "We sent a new code. Earlier codes no longer work." };
}

export async function cancelSignInAction(): Promise<void> {
  (await cookies()).delete(PENDING_SIGN_IN_COOKIE);
  redirect("/sign-in");
}
