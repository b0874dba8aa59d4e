import "server-only";
import { eq } from "drizzle-orm";
import type { Session } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { db } from "@/db";
import { users, type User } from "@/db/schema";

/** Who is asking: the fields every domain function needs to authorise a request. */
export type Actor = Pick<User, "id" | "role" | "name" | "email" | "timezone" | "emailVerifiedAt">;

/**
 * The signed-in user, or null. The session token alone is not trusted: the user must still exist and
 * the token's session version must match the database, so a password change or "sign out everywhere"
 * ends every other session at its next request. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<User | null> => resolveSessionUser(await auth()));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The user a decoded session belongs to, if that user exists and the session has not been revoked. */
export async function resolveSessionUser(session: Session | null): Promise<User | null> {
  const userId = session?.user?.id;
  if (!session || !userId || !UUID.test(userId)) return null;
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return user;
}

/** For pages: the signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo?: string): Promise<User> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}
