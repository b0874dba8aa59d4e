"use server";

import { verifyEmail } from "@/lib/accounts/sign-up";
import { anonymousAction } from "@/lib/server-action";

export const verifyEmailAction = anonymousAction((_visitor, input) => verifyEmail(input));
