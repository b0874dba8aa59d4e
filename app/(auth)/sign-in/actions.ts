"use server";

import type { Route } from "next";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { formValues, invalid, type FormState } from "@/lib/actions";
import { clientIp } from "@/lib/auth/rate-limit";
import { signInSchema } from "@/lib/auth/schemas";
import { clearSignInAttempts, startSignInAttempt } from "@/lib/auth/sign-in-limits";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { email, password, callbackUrl } = parsed.data;
  const attempt = await startSignInAttempt(email, await clientIp());
  if (!attempt.ok) return attempt;
  let destination: string;
  try {
    destination = await signIn("credentials", { email, password, redirect: false, redirectTo: callbackUrl ?? "/dashboard" });
  } catch (error) {
    // Only Auth.js's own errors mean "not signed in".
    if (error instanceof AuthError) {
      return { ok: false, error: "That email and password don't match an account. Check them and try again." };
    }
    throw error;
  }
  await clearSignInAttempts(email);
  redirect(destination as Route);
}
