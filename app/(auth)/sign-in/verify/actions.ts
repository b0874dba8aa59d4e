"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { secureCookie } from "@/lib/auth/cookies";
import { openSession } from "@/lib/auth/open-session";
import { SIGN_IN_ENDED, verifySignInCode } from "@/lib/auth/sign-in";
import {
  PENDING_SIGN_IN_COOKIE,
  readPendingSignIn,
  resendSignInCode,
  signPendingSignIn,
  TRUSTED_DEVICE_COOKIE,
  TRUSTED_DEVICE_TTL_MS,
  TWO_FACTOR_CODE_TTL_MS,
} from "@/lib/auth/two-factor";
import { anonymousAction } from "@/lib/server-action";

export const verifySignInCodeAction = anonymousAction(
  async (_visitor, input) => verifySignInCode(input, (await cookies()).get(PENDING_SIGN_IN_COOKIE)?.value),
  {
    onSuccess: async ({ data }) => {
      const cookieStore = await cookies();
      if (data.trustedDeviceToken)
        cookieStore.set(TRUSTED_DEVICE_COOKIE, data.trustedDeviceToken, secureCookie(TRUSTED_DEVICE_TTL_MS / 1000));
      cookieStore.delete(PENDING_SIGN_IN_COOKIE);
      await openSession(data.ticket, data.callbackUrl ?? "/dashboard");
      return SIGN_IN_ENDED;
    },
  },
);

export const resendSignInCodeAction = anonymousAction<{ challengeId: string }, undefined>(
  async () => {
    const challengeId = readPendingSignIn((await cookies()).get(PENDING_SIGN_IN_COOKIE)?.value);
    return challengeId ? resendSignInCode(challengeId) : SIGN_IN_ENDED;
  },
  {
    onSuccess: async ({ data }) => {
      (await cookies()).set(PENDING_SIGN_IN_COOKIE, signPendingSignIn(data.challengeId), secureCookie(TWO_FACTOR_CODE_TTL_MS / 1000));
      return { ok: true, message: "We sent a new code. Earlier codes no longer work." };
    },
  },
);

export const cancelSignInAction = anonymousAction<undefined>(async () => ({ ok: true }), {
  onSuccess: async () => {
    (await cookies()).delete(PENDING_SIGN_IN_COOKIE);
    redirect("/sign-in");
  },
});
