"use server";

import { auth, signOut } from "@/auth";
import type { FormState } from "@/lib/actions";
import { resendVerificationEmail } from "@/lib/accounts/sign-up";
import { getCurrentUser, revokeSession } from "@/lib/auth/session";

export async function signOutAction(): Promise<void> {
  await revokeSession(await auth());
  await signOut({ redirectTo: "/sign-in" });
}

export async function resendVerificationAction(): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Your session has ended. Sign in again." };
  return resendVerificationEmail(user);
}
