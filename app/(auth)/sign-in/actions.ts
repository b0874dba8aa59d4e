"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { formValues, invalid, type FormState } from "@/lib/actions";
import { signInSchema } from "@/lib/auth/schemas";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { email, password, callbackUrl } = parsed.data;
  try {
    await signIn("credentials", { email, password, redirectTo: callbackUrl ?? "/dashboard" });
  } catch (error) {
    // Success is a redirect (thrown); only Auth.js's own errors mean "not signed in".
    if (error instanceof AuthError) {
      return { ok: false, error: "That email and password don't match an account. Check them and try again." };
    }
    throw error;
  }
  return undefined;
}
