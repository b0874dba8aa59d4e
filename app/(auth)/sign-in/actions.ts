"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { secureCookie } from "@/lib/auth/cookies";
import { openSession } from "@/lib/auth/open-session";
import { signInWithPassword, WRONG_CREDENTIALS } from "@/lib/auth/sign-in";
import { PENDING_SIGN_IN_COOKIE, signPendingSignIn, TRUSTED_DEVICE_COOKIE, TWO_FACTOR_CODE_TTL_MS } from "@/lib/auth/two-factor";
import { anonymousAction } from "@/lib/server-action";

export const signInAction = anonymousAction(
  async (visitor, input) =>
    signInWithPassword(input, { ip: visitor.ip, trustedDeviceToken: (await cookies()).get(TRUSTED_DEVICE_COOKIE)?.value }),
  {
    onSuccess: async ({ data }) => {
      if (data.next === "code") {
        (await cookies()).set(PENDING_SIGN_IN_COOKIE, signPendingSignIn(data.challengeId), secureCookie(TWO_FACTOR_CODE_TTL_MS / 1000));
        redirect(data.callbackUrl ? `/sign-in/verify?callbackUrl=${encodeURIComponent(data.callbackUrl)}` : "/sign-in/verify");
      }
      await openSession(data.ticket, data.callbackUrl ?? "/dashboard");
      return { ok: false, error: WRONG_CREDENTIALS };
    },
  },
);
