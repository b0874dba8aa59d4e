import "server-only";
import { and, eq, notExists } from "drizzle-orm";
import type { Session } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { db } from "@/db";
import { revokedSessions, users, type User } from "@/db/schema";
import { SESSION_ABSOLUTE_LIFETIME_SECONDS } from "./tokens";

/** Who is asking: the fields every domain function needs to authorise a request. */
export type Actor = Pick<User, "id" | "role" | "name" | "email" | "timezone" | "emailVerifiedAt">;

/**
 * The signed-in user, or null. The session token alone is not trusted: the user must still exist and
 * the token's session version must match the database, so a password change or "sign out everywhere"
 * ends every other session at its next request. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<User | null> => resolveSessionUser(await auth()));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The user a decoded session belongs to, if that user exists and the session has not been revoked:
 * neither all of the user's sessions (a bumped session version) nor this one (signed out).
 */
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

/** Signing out: this session id is refused from now on, even if its cookie comes back. */
export async function revokeSession(session: Session | null): Promise<void> {
  const userId = session?.user?.id;
  if (!session || !userId || !UUID.test(userId) || !UUID.test(session.sessionId)) return;
  await db
    .insert(revokedSessions)
    .values({ sessionId: session.sessionId, userId, expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_LIFETIME_SECONDS * 1000) })
    .onConflictDoNothing();
}

/** For pages: the signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo?: string): Promise<User> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
