"use server";

import { formValues, type FormState } from "@/lib/actions";
import { resetPassword } from "@/lib/accounts/password-reset";

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return resetPassword(formValues(formData));
}
