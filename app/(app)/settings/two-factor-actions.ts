"use server";

import { revalidatePath } from "next/cache";
import { formValues, type FormState } from "@/lib/actions";
import { confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment } from "@/lib/accounts/two-factor";
import { getCurrentUser } from "@/lib/auth/session";

const SIGNED_OUT: FormState = { ok: false, error: "Your session has ended. Sign in again." };

export async function startTwoFactorAction(): Promise<FormState> {
  const user = await getCurrentUser();
  return user ? startTwoFactorEnrolment(user) : SIGNED_OUT;
}

export async function confirmTwoFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const result = await confirmTwoFactorEnrolment(user, formValues(formData));
  if (result.ok) revalidatePath("/settings", "layout");
  return result;
}

export async function disableTwoFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  const result = await disableTwoFactor(user, formValues(formData));
  if (result.ok) revalidatePath("/settings", "layout");
  return result;
}
