"use server";

import { formValues, type FormState } from "@/lib/actions";
import { verifyEmail } from "@/lib/accounts/sign-up";

export async function verifyEmailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return verifyEmail(formValues(formData));
}
