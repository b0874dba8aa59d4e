import { eq, sql } from "drizzle-orm";
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { resolveSessionUser, revokeSession } from "@/lib/auth/session";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

setupTestDatabase();

const sessionFor = (id: string, sessionVersion: number): Session =>
  ({
    expires: new Date(Date.now() + 3_600_000).toISOString(),
    user: { id },
    sessionVersion,
    sessionId: "5e55e55e-5e55-4e55-8e55-5e55e55e5e55",
  }) as Session;

describe("resolveSessionUser", () => {
  it("accepts a session whose version matches the database", async () => {
    const user = await createUser();
    expect((await resolveSessionUser(sessionFor(user.id, user.sessionVersion)))?.id).toBe(user.id);
  });

  it("rejects the old session once the version is bumped (password change, sign out everywhere)", async () => {
    const user = await createUser();
    const old = sessionFor(user.id, user.sessionVersion);
    await db
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    expect(await resolveSessionUser(old)).toBeNull();
  });

  it("rejects a signed-out session, even when its cookie comes back, and only that one", async () => {
    const user = await createUser();
    const signedOut = { ...sessionFor(user.id, user.sessionVersion), sessionId: crypto.randomUUID() } as Session;
    const otherDevice = { ...sessionFor(user.id, user.sessionVersion), sessionId: crypto.randomUUID() } as Session;
    await revokeSession(signedOut);
    await revokeSession(signedOut); // twice is fine
    expect(await resolveSessionUser(signedOut)).toBeNull();
    expect((await resolveSessionUser(otherDevice))?.id).toBe(user.id);
  });

  it("signing out a deleted account's session is quietly done: there is nothing left to revoke", async () => {
    const session = { ...sessionFor(crypto.randomUUID(), 1), sessionId: crypto.randomUUID() } as Session;
    await expect(revokeSession(session)).resolves.toBeUndefined();
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

  it("upgrades a hash made with older argon2 parameters at the next successful sign-in", async () => {
    const password = "an old tune, rehashed";
    const { hash } = await import("@node-rs/argon2");
    const weak = await hash(password, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    const user = await createUser({ email: "old-hash@example.com", passwordHash: weak });
    expect(await verifyCredentials("old-hash@example.com", "wrong password")).toBeNull();
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0]!.passwordHash).toBe(weak);
    expect(await verifyCredentials("old-hash@example.com", password)).not.toBeNull();
    const [after] = await db.select().from(users).where(eq(users.id, user.id));
    expect(after!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyCredentials("old-hash@example.com", password)).not.toBeNull();
  });

  it("answers null for an unknown email after doing the same hashing work", async () => {
    expect(await verifyCredentials("nobody@example.com", "whatever-password")).toBeNull();
  });
});
