"use server";

import { resetPassword } from "@/lib/accounts/password-reset";
import { anonymousAction } from "@/lib/server-action";

export const resetPasswordAction = anonymousAction((_visitor, input) => resetPassword(input));
