"use server";

import { auth, signOut } from "@/auth";
import { resendVerificationEmail } from "@/lib/accounts/sign-up";
import { revokeSession } from "@/lib/auth/session";
import { anonymousAction, userAction } from "@/lib/server-action";

// Signing out needs no live session: a browser whose session has already ended still gets its cookie cleared.
export const signOutAction = anonymousAction<undefined>(
  async () => {
    await revokeSession(await auth());
    return { ok: true };
  },
  {
    onSuccess: async () => {
      await signOut({ redirectTo: "/sign-in" });
    },
  },
);

export const resendVerificationAction = userAction(resendVerificationEmail);
