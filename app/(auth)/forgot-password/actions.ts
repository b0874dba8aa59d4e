"use server";

import { formValues, type FormState } from "@/lib/actions";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { clientIp } from "@/lib/auth/rate-limit";

export async function forgotPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return requestPasswordReset(formValues(formData), await clientIp());
}
