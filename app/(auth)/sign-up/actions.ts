"use server";

import { signUp } from "@/lib/accounts/sign-up";
import { anonymousAction } from "@/lib/server-action";

export const signUpAction = anonymousAction((visitor, input) => signUp(input, visitor.ip));
