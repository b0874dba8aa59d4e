import { eq, sql } from "drizzle-orm";
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { resolveSessionUser } from "@/lib/auth/session";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

setupTestDatabase();

const sessionFor = (id: string, sessionVersion: number): Session =>
  ({ expires: new Date(Date.now() + 3_600_000).toISOString(), user: { id }, sessionVersion, sessionId: "s" }) as Session;

describe("resolveSessionUser", () => {
  it("accepts a session whose version matches the database", async () => {
    const user = await createUser();
    expect((await resolveSessionUser(sessionFor(user.id, user.sessionVersion)))?.id).toBe(user.id);
  });

  it("rejects the old session once the version is bumped (password change, sign out everywhere)", async () => {
    const user = await createUser();
    const old = sessionFor(user.id, user.sessionVersion);
    await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, user.id));
    expect(await resolveSessionUser(old)).toBeNull();
  });

  it("rejects sessions of deleted users, unknown or malformed ids, and no session", async () => {
    const user = await createUser();
    const session = sessionFor(user.id, user.sessionVersion);
    await db.delete(users).where(eq(users.id, user.id));
    expect(await resolveSessionUser(session)).toBeNull();
    expect(await resolveSessionUser(sessionFor("6a1f1f1f-1111-4111-8111-111111111111", 1))).toBeNull();
    expect(await resolveSessionUser(sessionFor("' or 1=1 --", 1))).toBeNull();
    expect(await resolveSessionUser(null)).toBeNull();
  });
});

describe("verifyCredentials", () => {
  it("matches email case-insensitively and the password exactly", async () => {
    const password = "  correct horse battery staple  ";
    const user = await createUser({ email: "Case.Person@Example.com", passwordHash: await hashPassword(password) });
    expect((await verifyCredentials("case.person@example.COM", password))?.id).toBe(user.id);
    expect(await verifyCredentials("case.person@example.com", password.trim())).toBeNull();
    expect(await verifyCredentials("case.person@example.com", password.toUpperCase())).toBeNull();
  });

  it("accepts a 128-character password unchanged", async () => {
    const password = "p".repeat(64) + "ä€😀".repeat(16);
    await createUser({ email: "long@example.com", passwordHash: await hashPassword(password) });
    expect(await verifyCredentials("long@example.com", password)).not.toBeNull();
    expect(await verifyCredentials("long@example.com", password.slice(0, -1))).toBeNull();
  });

  it("answers null for an unknown email after doing the same hashing work", async () => {
    expect(await verifyCredentials("nobody@example.com", "whatever-password")).toBeNull();
  });
});
