"use server";

import { signOut } from "@/auth";
import type { FormState } from "@/lib/actions";
import { resendVerificationEmail } from "@/lib/accounts/sign-up";
import { getCurrentUser } from "@/lib/auth/session";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

export async function resendVerificationAction(): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Your session has ended. Sign in again." };
  return resendVerificationEmail(user);
}
