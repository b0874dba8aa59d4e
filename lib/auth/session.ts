import "server-only";
import { and, eq, notExists } from "drizzle-orm";
import type { Session } from "next-auth";
import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db";
import { isForeignKeyViolation } from "@/db/errors";
import { revokedSessions, users, type User } from "@/db/schema";
import { authSecret } from "@/lib/secrets";
import { SESSION_ABSOLUTE_LIFETIME_SECONDS, sessionFromToken, sessionTokenCallback } from "./tokens";

export type Actor = Pick<User, "id" | "role" | "name" | "email" | "timezone" | "emailVerifiedAt">;

/** The token alone is not trusted: its session version must match, so a password change ends other sessions at their next request. */
export const getCurrentUser = cache(async (): Promise<User | null> =>
  resolveSessionUser(await sessionFromCookieHeader((await headers()).get("cookie") ?? "", authSecret())),
);

const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** Like auth() but without its synthetic request and re-encrypted token, which a page cannot set anyway. */
export async function sessionFromCookieHeader(cookie: string, secret: string): Promise<Session | null> {
  for (const cookieName of SESSION_COOKIES) {
    const secureCookie = cookieName.startsWith("__Secure-");
    const token = await getToken({ req: { headers: { cookie } }, secret, cookieName, salt: cookieName, secureCookie });
    if (!token) continue;
    const claims = sessionTokenCallback({ token });
    if (!claims || typeof token.exp !== "number") return null;
    return sessionFromToken({ session: { expires: new Date(token.exp * 1000).toISOString() } as Session, token: claims });
  }
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function resolveSessionUser(session: Session | null): Promise<User | null> {
  const userId = session?.user?.id;
  if (!session || !userId || !UUID.test(userId) || !UUID.test(session.sessionId)) return null;
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), notExists(db.select().from(revokedSessions).where(eq(revokedSessions.sessionId, session.sessionId)))))
    .limit(1);
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return user;
}

export async function revokeSession(session: Session | null): Promise<void> {
  const userId = session?.user?.id;
  if (!session || !userId || !UUID.test(userId) || !UUID.test(session.sessionId)) return;
  await db
    .insert(revokedSessions)
    .values({ sessionId: session.sessionId, userId, expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_LIFETIME_SECONDS * 1000) })
    .onConflictDoNothing()
    .catch((error: unknown) => {
      // The account was deleted: none of its sessions can open anything any more.
      if (!isForeignKeyViolation(error)) throw error;
    });
}

export async function requireUser(returnTo?: string): Promise<User> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
