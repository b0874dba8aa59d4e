"use server";

import type { Route } from "next";
import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { formValues, invalid, type FormState } from "@/lib/actions";
import { secureCookie } from "@/lib/auth/cookies";
import { clientIp } from "@/lib/auth/rate-limit";
import { signInSchema } from "@/lib/auth/schemas";
import { beginSignIn, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { clearSignInAttempts, startSignInAttempt } from "@/lib/auth/sign-in-limits";
import { PENDING_SIGN_IN_COOKIE, signPendingSignIn, TRUSTED_DEVICE_COOKIE, TWO_FACTOR_CODE_TTL_MS } from "@/lib/auth/two-factor";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { email, password, callbackUrl } = parsed.data;
  const attempt = await startSignInAttempt(email, await clientIp());
  if (!attempt.ok) return attempt;
  const cookieStore = await cookies();
  const step = await beginSignIn(parsed.data, cookieStore.get(TRUSTED_DEVICE_COOKIE)?.value);
  if (!step.ok) return step;
  // The password was right: the account's failure count starts again (codes have their own limit).
  await clearSignInAttempts(email);

  if (step.data.next === "code") {
    cookieStore.set(PENDING_SIGN_IN_COOKIE, signPendingSignIn(step.data.challengeId), secureCookie(TWO_FACTOR_CODE_TTL_MS / 1000));
    redirect(callbackUrl ? `/sign-in/verify?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in/verify");
  }
  let destination: string;
  try {
    destination = await signIn("credentials", { email, password, redirect: false, redirectTo: callbackUrl ?? "/dashboard" });
  } catch (error) {
    // Only Auth.js's own errors mean "not signed in".
    if (error instanceof AuthError) return { ok: false, error: WRONG_CREDENTIALS };
    throw error;
  }
  redirect(destination as Route);
}
