"use server";

import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { anonymousAction } from "@/lib/server-action";

export const forgotPasswordAction = anonymousAction((visitor, input) => requestPasswordReset(input, visitor.ip));
