import { randomUUID } from "node:crypto";
import type { JWT } from "@auth/core/jwt";
import type { Session, User } from "next-auth";

export const SESSION_ABSOLUTE_LIFETIME_SECONDS = 12 * 60 * 60;

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
    authTime?: number;
  }
}

/** Client session updates are ignored, so id, email and role can never be changed from the browser. */
export function sessionTokenCallback({
  token,
  user,
  trigger,
  now = Date.now(),
}: {
  token: JWT;
  user?: Pick<User, "id" | "sessionVersion"> | null;
  trigger?: "signIn" | "signUp" | "update";
  now?: number;
}): JWT | null {
  const nowSeconds = Math.floor(now / 1000);
  if (trigger === "signIn" && user?.id) {
    return { uid: user.id, sv: user.sessionVersion ?? 1, sid: randomUUID(), authTime: nowSeconds };
  }
  if (!token.uid || typeof token.authTime !== "number") return null;
  if (nowSeconds - token.authTime > SESSION_ABSOLUTE_LIFETIME_SECONDS) return null;
  return { uid: token.uid, sv: token.sv, sid: token.sid, authTime: token.authTime };
}

export function sessionFromToken({ session, token }: { session: Session; token: JWT }): Session {
  return {
    expires: session.expires,
    user: { id: token.uid ?? "" },
    sessionVersion: token.sv ?? 0,
    sessionId: token.sid ?? "",
  } as Session;
}
