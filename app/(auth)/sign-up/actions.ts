"use server";

import { formValues, type FormState } from "@/lib/actions";
import { signUp } from "@/lib/accounts/sign-up";
import { clientIp } from "@/lib/auth/rate-limit";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return signUp(formValues(formData), await clientIp());
}
