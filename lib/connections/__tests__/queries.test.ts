import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { connections, lessons, teacherNotes } from "@/db/schema";
import { createSecretToken } from "@/lib/auth/secret-tokens";
import { INVITATION_TTL_MS } from "@/lib/access";
import { endConnection } from "@/lib/connections";
import { getStudentDetail, listReceivedInvitations, listSentInvitations, listStudents, listTeachers } from "@/lib/connections/queries";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";

vi.mock("@/lib/realtime", () => ({ publish: async () => true }));

setupTestDatabase();

const HOUR = 3_600_000;

describe("the teacher's students", () => {
  it("lists only the teacher's accepted students with next lesson and attendance, and nothing of features not built yet", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const at = (hours: number) => ({
      connectionId: connection.id,
      teacherId: teacher.id,
      studentId: student.id,
      startsAt: new Date(Date.now() + hours * HOUR),
      endsAt: new Date(Date.now() + (hours + 1) * HOUR),
    });
    await db
      .insert(lessons)
      .values([
        { ...at(-72), attendance: "present" },
        { ...at(-48), attendance: "late" },
        { ...at(-24), attendance: "absent" },
        at(-2),
        at(30),
        at(60),
      ]);
    const other = await createConnectedPair();
    const [row, ...rest] = await listStudents(teacher);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ connectionId: connection.id, student: { id: student.id, email: student.email } });
    expect(Object.keys(row!).sort()).toEqual(["attendanceRate", "connectionId", "messagingLocked", "nextLesson", "student"]);
    expect(row!.attendanceRate).toBeCloseTo(2 / 3);
    expect(row!.nextLesson!.startsAt.getTime()).toBeGreaterThan(Date.now() + 29 * HOUR);
    expect(await listStudents(student)).toEqual([]);
    expect((await listStudents(other.teacher)).map((r) => r.connectionId)).toEqual([other.connection.id]);
  });

  it("searches by name or email, with % and _ matched literally", async () => {
    const teacher = await createUser({ role: "teacher" });
    for (const [name, email] of [
      ["Ada Lovelace", `ada-${randomUUID().slice(0, 6)}@example.com`],
      ["Bob_Smith", `bob-${randomUUID().slice(0, 6)}@example.com`],
    ] as const) {
      const student = await createUser({ role: "student", name, email });
      await db.insert(connections).values({ teacherId: teacher.id, studentId: student.id, invitedEmail: email, status: "accepted" });
    }
    expect((await listStudents(teacher, "lovelace")).map((row) => row.student.name)).toEqual(["Ada Lovelace"]);
    expect((await listStudents(teacher, "BOB-")).map((row) => row.student.name)).toEqual(["Bob_Smith"]);
    expect((await listStudents(teacher, "_")).map((row) => row.student.name)).toEqual(["Bob_Smith"]);
    expect(await listStudents(teacher, "%")).toEqual([]);
  });

  it("lists pending invitations, marking those older than 30 days expired", async () => {
    const teacher = await createUser({ role: "teacher" });
    await db.insert(connections).values([
      { teacherId: teacher.id, invitedEmail: "fresh@example.com" },
      { teacherId: teacher.id, invitedEmail: "old@example.com", invitedAt: new Date(Date.now() - INVITATION_TTL_MS - HOUR) },
    ]);
    const sent = await listSentInvitations(teacher);
    expect(sent.map((invite) => [invite.email, invite.expired])).toEqual([
      ["fresh@example.com", false],
      ["old@example.com", true],
    ]);
    expect(await listSentInvitations(await createUser({ role: "teacher" }))).toEqual([]);
  });
});

describe("a student's page", () => {
  it("is the teacher's only, notes included; ended connections stay readable", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    await db.insert(teacherNotes).values([
      { connectionId: connection.id, body: "older", createdAt: new Date(Date.now() - HOUR) },
      { connectionId: connection.id, body: "newer" },
    ]);
    const detail = await getStudentDetail(teacher, connection.id);
    expect(detail!.notes.map((note) => note.body)).toEqual(["newer", "older"]);
    expect(detail!.student.email).toBe(student.email);
    expect(await getStudentDetail(student, connection.id)).toBeNull();
    expect(await getStudentDetail(await createUser({ role: "teacher" }), connection.id)).toBeNull();
    expect(await getStudentDetail(teacher, randomUUID())).toBeNull();
    expect(await getStudentDetail(teacher, "not-a-uuid")).toBeNull();
    await endConnection(student, { connectionId: connection.id });
    expect((await getStudentDetail(teacher, connection.id))!.connection.status).toBe("revoked");
  });

  it("does not exist for a pending invitation", async () => {
    const teacher = await createUser({ role: "teacher" });
    const [invite] = await db.insert(connections).values({ teacherId: teacher.id, invitedEmail: "p@example.com" }).returning();
    expect(await getStudentDetail(teacher, invite!.id)).toBeNull();
  });
});

describe("the student's teachers and invitations", () => {
  it("shows invitations only to the verified owner of the address, highlighting the one opened by link", async () => {
    const teacher = await createUser({ role: "teacher", name: "Clara" });
    const email = `owner-${randomUUID().slice(0, 6)}@example.com`;
    const { token, hash } = createSecretToken();
    const [invite] = await db
      .insert(connections)
      .values({ teacherId: teacher.id, invitedEmail: email, inviteTokenHash: hash, inviteMessage: "Hello" })
      .returning();
    const unverified = await createUser({ role: "student", email, emailVerifiedAt: null });
    expect(await listReceivedInvitations(unverified, token)).toEqual([]);
    const verified = { ...unverified, emailVerifiedAt: new Date() };
    expect(await listReceivedInvitations(verified, token)).toEqual([
      expect.objectContaining({ connectionId: invite!.id, teacherName: "Clara", message: "Hello", highlighted: true }),
    ]);
    expect((await listReceivedInvitations(verified))[0]!.highlighted).toBe(false);
    expect(await listReceivedInvitations(await createUser({ role: "student" }), token)).toEqual([]);
    await db
      .update(connections)
      .set({ invitedAt: new Date(Date.now() - INVITATION_TTL_MS - HOUR) })
      .where(eq(connections.id, invite!.id));
    expect(await listReceivedInvitations(verified)).toEqual([]);
  });

  it("lists the student's accepted teachers only", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    expect(await listTeachers(student)).toEqual([
      expect.objectContaining({ connectionId: connection.id, teacher: expect.objectContaining({ id: teacher.id }) }),
    ]);
    expect(await listTeachers(teacher)).toEqual([]);
    await endConnection(teacher, { connectionId: connection.id });
    expect(await listTeachers(student)).toEqual([]);
  });
});
