"use server";

import { formValues, type FormState } from "@/lib/actions";
import { signUp } from "@/lib/accounts/sign-up";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return signUp(formValues(formData));
}
