import { desc, eq } from "drizzle-orm";
import type { Session } from "next-auth";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import {
  assignments,
  connections,
  emailOutbox,
  emailVerificationTokens,
  lessons,
  messages,
  notifications,
  passwordResetTokens,
  teacherNotes,
  users,
  type User,
} from "@/db/schema";
import {
  changePassword,
  deleteAccount,
  deletionSummary,
  pendingEmailChange,
  requestEmailChange,
  signOutEverywhere,
  updateProfile,
} from "@/lib/accounts/settings";
import { verifyEmail } from "@/lib/accounts/sign-up";
import { verifyCredentials } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { resolveSessionUser } from "@/lib/auth/session";
import { createSecretToken } from "@/lib/auth/secret-tokens";
import { settleBackgroundWork } from "@/lib/background";
import { linksIn } from "@/lib/email/outbox";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";

setupTestDatabase();

const PASSWORD = "sonata in the rain";

async function userWithPassword(overrides: Partial<typeof users.$inferInsert> = {}): Promise<User> {
  return createUser({ passwordHash: await hashPassword(PASSWORD), ...overrides });
}

async function reload(user: Pick<User, "id">): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, user.id));
  return row;
}

async function emailsTo(address: string) {
  await settleBackgroundWork();
  return db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).orderBy(desc(emailOutbox.createdAt));
}

const sessionFor = (user: User): Session =>
  ({
    expires: new Date(Date.now() + 3_600_000).toISOString(),
    user: { id: user.id },
    sessionVersion: user.sessionVersion,
    sessionId: "5e55e55e-5e55-4e55-8e55-5e55e55e5e55",
  }) as Session;

const validProfile = {
  name: "Clara Wieck",
  phone: "+49 (30) 123-4567",
  timezone: "Europe/Berlin",
  bio: "Pianist and composer. <script>alert(1)</script>",
  instruments: "Piano, voice , piano,  Organ",
};

describe("updateProfile", () => {
  it("saves the allowed fields, trimmed and de-duplicated", async () => {
    const user = await createUser();
    expect(await updateProfile(user, validProfile)).toMatchObject({ ok: true, message: "Your profile is saved." });
    expect(await reload(user)).toMatchObject({
      name: "Clara Wieck",
      phone: "+49 (30) 123-4567",
      timezone: "Europe/Berlin",
      bio: "Pianist and composer. <script>alert(1)</script>", // stored as text; React renders it as text
      instruments: ["Piano", "voice", "Organ"],
    });
  });

  it("clears optional fields sent empty, and accepts instruments as an array", async () => {
    const user = await createUser({ phone: "+44 20 7946 0321", bio: "old", instruments: ["Cello"] });
    expect(await updateProfile(user, { name: "N", timezone: "UTC", phone: "", bio: "  ", instruments: [] })).toMatchObject({ ok: true });
    expect(await reload(user)).toMatchObject({ phone: null, bio: null, instruments: [] });
    expect(await updateProfile(user, { name: "N", timezone: "UTC", instruments: ["Viola", "Violin"] })).toMatchObject({ ok: true });
    expect((await reload(user))?.instruments).toEqual(["Viola", "Violin"]);
  });

  it("answers bad input with field errors, never an exception, and changes nothing", async () => {
    const user = await createUser({ role: "student" });
    const before = await reload(user);
    const cases: [unknown, string][] = [
      [{ ...validProfile, name: undefined }, "name"],
      [{ ...validProfile, name: "" }, "name"],
      [{ ...validProfile, name: "x".repeat(101) }, "name"],
      [{ ...validProfile, timezone: undefined }, "timezone"],
      [{ ...validProfile, timezone: "Mars/Olympus" }, "timezone"],
      [{ ...validProfile, phone: "call me maybe" }, "phone"],
      [{ ...validProfile, phone: "12345" }, "phone"],
      [{ ...validProfile, phone: "1".repeat(21) }, "phone"],
      [{ ...validProfile, phone: "+44 20.7946.0321" }, "phone"],
      [{ ...validProfile, bio: "b".repeat(2001) }, "bio"],
      [{ ...validProfile, instruments: "x".repeat(41) }, "instruments"],
      [{ ...validProfile, instruments: Array.from({ length: 11 }, (_, index) => `Instrument ${index}`).join(",") }, "instruments"],
      [{ ...validProfile, instruments: { piano: true } }, "instruments"],
      [{ ...validProfile, role: "teacher" }, "form"],
      [{ ...validProfile, emailVerifiedAt: "2020-01-01" }, "form"],
      [{ ...validProfile, sessionVersion: 99 }, "form"],
      [{ ...validProfile, email: "someone@else.test" }, "form"],
      [{ ...validProfile, name: ["array"] }, "name"],
    ];
    for (const [input, field] of cases) {
      const result = await updateProfile(user, input);
      expect(result.ok, JSON.stringify(input).slice(0, 100)).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}), JSON.stringify(input).slice(0, 100)).toContain(field);
    }
    for (const input of [null, "string", 42, []]) expect(await updateProfile(user, input)).toMatchObject({ ok: false });
    expect(await reload(user)).toEqual(before);
  });

  it("accepts a 2000-character bio counted in characters, emoji included", async () => {
    const user = await createUser();
    const bio = "🎻".repeat(2000);
    expect(await updateProfile(user, { ...validProfile, bio })).toMatchObject({ ok: true });
    expect((await reload(user))?.bio).toBe(bio);
  });
});

describe("changePassword", () => {
  it("requires the correct current password", async () => {
    const user = await userWithPassword();
    const result = await changePassword(user, { currentPassword: "not it", newPassword: "a brand new melody" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { currentPassword: expect.any(String) } });
    expect(await verifyCredentials(user.email, PASSWORD)).not.toBeNull();
  });

  it("refuses weak passwords with the sign-up rules", async () => {
    const user = await userWithPassword({ name: "Robert Schumann" });
    for (const newPassword of ["short", "password1", "robert schumann", "x".repeat(129)]) {
      const result = await changePassword(user, { currentPassword: PASSWORD, newPassword });
      expect(result, newPassword).toMatchObject({ ok: false, fieldErrors: { newPassword: expect.any(String) } });
    }
    expect(await changePassword(user, { currentPassword: PASSWORD, newPassword: "a brand new melody", sessionVersion: 1 })).toMatchObject({
      ok: false,
      fieldErrors: { form: expect.any(String) },
    });
    expect(await verifyCredentials(user.email, PASSWORD)).not.toBeNull();
  });

  it("changes the hash, ends old sessions, kills reset links and tells the owner", async () => {
    const user = await userWithPassword();
    const oldSession = sessionFor(user);
    const { hash } = createSecretToken();
    await db
      .insert(passwordResetTokens)
      .values({ userId: user.id, tokenHash: hash, sessionVersion: user.sessionVersion, expiresAt: new Date(Date.now() + 600_000) });

    expect(await changePassword(user, { currentPassword: PASSWORD, newPassword: "a brand new melody" })).toMatchObject({ ok: true });

    const after = await reload(user);
    expect(after!.sessionVersion).toBe(user.sessionVersion + 1);
    expect(after!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await resolveSessionUser(oldSession)).toBeNull();
    expect(await resolveSessionUser(sessionFor(after!))).not.toBeNull();
    expect(await verifyCredentials(user.email, PASSWORD)).toBeNull();
    expect(await verifyCredentials(user.email, "a brand new melody")).not.toBeNull();
    const [token] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(token!.usedAt).toBeInstanceOf(Date);
    expect((await emailsTo(user.email))[0]?.subject).toBe("Your MusBook password was changed");
  });
});

describe("email change", () => {
  const tokenFrom = (html: string) => new URL(linksIn(html).find((link) => link.includes("/verify-email"))!).searchParams.get("token")!;

  it("needs the current password and a different address", async () => {
    const user = await userWithPassword();
    expect(await requestEmailChange(user, { newEmail: "new@example.test", currentPassword: "wrong" })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: expect.any(String) },
    });
    expect(await requestEmailChange(user, { newEmail: user.email.toUpperCase(), currentPassword: PASSWORD })).toMatchObject({
      ok: false,
      fieldErrors: { newEmail: expect.any(String) },
    });
    expect(await requestEmailChange(user, { newEmail: "not an email", currentPassword: PASSWORD })).toMatchObject({
      ok: false,
      fieldErrors: { newEmail: expect.any(String) },
    });
    expect(await requestEmailChange(user, { newEmail: "x@example.test", currentPassword: PASSWORD, emailVerifiedAt: "now" })).toMatchObject(
      {
        ok: false,
        fieldErrors: { form: expect.any(String) },
      },
    );
    expect(await emailsTo("new@example.test")).toHaveLength(0);
  });

  it("sends a link to the new address and a notice to the old; the address changes only on confirmation", async () => {
    const user = await userWithPassword({ emailVerifiedAt: null });
    const result = await requestEmailChange(user, { newEmail: " Moved@Example.test ", currentPassword: PASSWORD });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("moved@example.test") });

    expect((await reload(user))!.email).toBe(user.email);
    expect(await pendingEmailChange(user)).toMatchObject({ email: "moved@example.test" });
    const [link] = await emailsTo("moved@example.test");
    expect(link?.subject).toBe("Confirm your new email address");
    const [notice] = await emailsTo(user.email);
    expect(notice?.subject).toBe("Your MusBook email address is changing");
    expect(notice?.html).not.toContain("/verify-email"); // the old address never gets the link

    expect(await verifyEmail({ token: tokenFrom(link!.html) })).toMatchObject({ ok: true });
    const after = await reload(user);
    expect(after).toMatchObject({ email: "moved@example.test", emailVerifiedAt: expect.any(Date) });
    expect(await pendingEmailChange(user)).toBeNull();
    expect(await verifyCredentials("moved@example.test", PASSWORD)).not.toBeNull();
  });

  it("a newer request makes the earlier link useless", async () => {
    const user = await userWithPassword();
    await requestEmailChange(user, { newEmail: "first@example.test", currentPassword: PASSWORD });
    const first = tokenFrom((await emailsTo("first@example.test"))[0]!.html);
    await requestEmailChange(user, { newEmail: "second@example.test", currentPassword: PASSWORD });
    expect(await verifyEmail({ token: first })).toMatchObject({ ok: false });
    expect((await reload(user))!.email).toBe(user.email);
  });

  it("answers a taken address like any other, and confirming it changes nobody", async () => {
    const owner = await createUser({ email: "taken@example.test" });
    const user = await userWithPassword();
    const result = await requestEmailChange(user, { newEmail: "taken@example.test", currentPassword: PASSWORD });
    expect(result).toEqual({ ok: true, message: expect.stringContaining("taken@example.test") });
    const [link] = await emailsTo("taken@example.test");
    expect(await verifyEmail({ token: tokenFrom(link!.html) })).toEqual({
      ok: false,
      error: "That email address now belongs to another account.",
    });
    expect((await reload(user))!.email).toBe(user.email);
    expect(await reload(owner)).toEqual(owner);
  });
});

describe("signOutEverywhere", () => {
  it("needs the explicit confirmation, then ends every session including this one", async () => {
    const user = await createUser();
    const session = sessionFor(user);
    expect(await signOutEverywhere(user, {})).toMatchObject({ ok: false, fieldErrors: { confirm: expect.any(String) } });
    expect(await signOutEverywhere(user, { confirm: "yes", sessionVersion: 1 })).toMatchObject({ ok: false });
    expect(await resolveSessionUser(session)).not.toBeNull();
    expect(await signOutEverywhere(user, { confirm: "yes" })).toMatchObject({ ok: true });
    expect(await resolveSessionUser(session)).toBeNull();
  });
});

describe("deleteAccount", () => {
  async function studioWithHistory() {
    const { teacher, student, connection } = await createConnectedPair();
    const passwordHash = await hashPassword(PASSWORD);
    await db.update(users).set({ passwordHash }).where(eq(users.id, teacher.id));
    const otherStudent = await createUser({ role: "student" });
    const [otherConnection] = await db
      .insert(connections)
      .values({ teacherId: teacher.id, studentId: otherStudent.id, invitedEmail: otherStudent.email, status: "accepted" })
      .returning();
    // The student also has a second teacher, whom the deletion must not touch.
    const { teacher: secondTeacher, connection: secondConnection } = await createConnectedPair();
    await db.update(connections).set({ studentId: student.id, invitedEmail: student.email }).where(eq(connections.id, secondConnection.id));

    const start = new Date(Date.now() + 86_400_000);
    const end = new Date(start.getTime() + 3_600_000);
    await db.insert(lessons).values([
      { connectionId: connection.id, teacherId: teacher.id, studentId: student.id, startsAt: start, endsAt: end },
      {
        connectionId: secondConnection.id,
        teacherId: secondTeacher.id,
        studentId: student.id,
        startsAt: new Date(end.getTime() + 3_600_000),
        endsAt: new Date(end.getTime() + 7_200_000),
      },
    ]);
    await db.insert(messages).values([
      { connectionId: connection.id, senderId: student.id, clientMessageId: crypto.randomUUID(), body: "See you Tuesday" },
      { connectionId: secondConnection.id, senderId: student.id, clientMessageId: crypto.randomUUID(), body: "Hello" },
    ]);
    await db.insert(assignments).values({ connectionId: connection.id, title: "Scales" });
    await db.insert(teacherNotes).values({ connectionId: connection.id, body: "Private" });
    await db.insert(notifications).values({ userId: student.id, type: "message.received", title: "New message" });
    return {
      teacher: { ...teacher, passwordHash },
      student,
      connection,
      otherStudent,
      otherConnection: otherConnection!,
      secondTeacher,
      secondConnection,
    };
  }

  it("refuses a wrong password or a missing confirmation and deletes nothing", async () => {
    const { teacher } = await studioWithHistory();
    expect(await deleteAccount(teacher, { currentPassword: "wrong", confirm: "yes" })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: expect.any(String) },
    });
    expect(await deleteAccount(teacher, { currentPassword: PASSWORD })).toMatchObject({
      ok: false,
      fieldErrors: { confirm: expect.any(String) },
    });
    expect(await deleteAccount(teacher, { currentPassword: PASSWORD, confirm: "yes", role: "student" })).toMatchObject({ ok: false });
    expect(await reload(teacher)).toBeDefined();
  });

  it("summarises, then deletes the teacher and everything shared with them; the student keeps the rest", async () => {
    const { teacher, student, connection, otherStudent, secondConnection } = await studioWithHistory();
    expect(await deletionSummary(teacher)).toEqual({ connections: 2, lessons: 1, upcomingLessons: 1, messages: 1, assignments: 1 });

    expect(await deleteAccount(teacher, { currentPassword: PASSWORD, confirm: "yes" })).toMatchObject({ ok: true });
    expect(await reload(teacher)).toBeUndefined();

    // The student's connection, lesson, messages, assignment and the teacher's notes with the deleted teacher are gone...
    const studentConnections = await db.select().from(connections).where(eq(connections.studentId, student.id));
    expect(studentConnections.map((row) => row.id)).toEqual([secondConnection.id]);
    const studentLessons = await db.select().from(lessons).where(eq(lessons.studentId, student.id));
    expect(studentLessons.map((row) => row.connectionId)).toEqual([secondConnection.id]);
    const remainingMessages = await db.select().from(messages).where(eq(messages.senderId, student.id));
    expect(remainingMessages.map((row) => row.connectionId)).toEqual([secondConnection.id]);
    expect(await db.select().from(assignments).where(eq(assignments.connectionId, connection.id))).toHaveLength(0);
    expect(await db.select().from(teacherNotes).where(eq(teacherNotes.connectionId, connection.id))).toHaveLength(0);
    expect(await db.select().from(connections).where(eq(connections.studentId, otherStudent.id))).toHaveLength(0);

    // ...and nothing else of theirs is touched.
    expect(await reload(student)).toEqual(student);
    expect(await reload(otherStudent)).toEqual(otherStudent);
    expect(await db.select().from(notifications).where(eq(notifications.userId, student.id))).toHaveLength(1);
    expect((await emailsTo(teacher.email))[0]?.subject).toBe("Your MusBook account was deleted");
  });

  it("leaves no verification or reset tokens behind", async () => {
    const user = await userWithPassword();
    await requestEmailChange(user, { newEmail: "gone@example.test", currentPassword: PASSWORD });
    expect(await deleteAccount(user, { currentPassword: PASSWORD, confirm: "yes" })).toMatchObject({ ok: true });
    expect(await db.select().from(emailVerificationTokens).where(eq(emailVerificationTokens.userId, user.id))).toHaveLength(0);
    expect(await deleteAccount(user, { currentPassword: PASSWORD, confirm: "yes" })).toMatchObject({ ok: false });
  });
});
