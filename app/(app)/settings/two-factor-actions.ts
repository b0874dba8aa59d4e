"use server";

import type { FormState } from "@/lib/actions";
import { confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment } from "@/lib/accounts/two-factor";
import { actAsCurrentUser } from "@/lib/server-action";

export async function startTwoFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser((actor) => startTwoFactorEnrolment(actor), formData, []);
}

export async function confirmTwoFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser(confirmTwoFactorEnrolment, formData, ["/settings"]);
}

export async function disableTwoFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser(disableTwoFactor, formData, ["/settings"]);
}
