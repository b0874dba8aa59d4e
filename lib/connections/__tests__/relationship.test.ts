import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { connections, lessonRequests, lessons, messages, teacherNotes } from "@/db/schema";
import { canSendMessage, isConnected } from "@/lib/access";
import { acceptInvitation, addNote, declineInvitation, endConnection, inviteStudent, setMessagingLocked } from "@/lib/connections";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";
import { connectionRow, notificationsOf } from "./helpers";

vi.mock("@/lib/realtime", () => ({ publish: async () => true }));

setupTestDatabase();

const HOUR = 3_600_000;
const lessonAt = (connection: { id: string; teacherId: string; studentId: string | null }, offsetHours: number) => ({
  connectionId: connection.id,
  teacherId: connection.teacherId,
  studentId: connection.studentId!,
  startsAt: new Date(Date.now() + offsetHours * HOUR),
  endsAt: new Date(Date.now() + (offsetHours + 1) * HOUR),
});

describe("responding to an invitation", () => {
  it("lets the verified owner of the invited address accept; the teacher is told", async () => {
    const teacher = await createUser({ role: "teacher", name: "Clara Wieck" });
    const email = `later-${randomUUID().slice(0, 8)}@example.com`;
    const invited = await inviteStudent(teacher, { email });
    if (!invited.ok) throw new Error(invited.error);
    const connectionId = invited.data.connectionId;
    // Signed up with the address but not yet verified: the invitation is not theirs yet.
    const student = await createUser({ role: "student", email, emailVerifiedAt: null, name: "Robert" });
    expect(await acceptInvitation(student, { connectionId })).toMatchObject({ ok: false });
    const verified = { ...student, emailVerifiedAt: new Date() };
    expect(await acceptInvitation(verified, { connectionId })).toEqual({ ok: true, message: "You're connected.", data: { connectionId } });
    expect(await connectionRow(connectionId)).toMatchObject({ status: "accepted", studentId: student.id, inviteTokenHash: null });
    expect(await notificationsOf(teacher.id)).toEqual([
      expect.objectContaining({ type: "connection.accepted", title: "Robert accepted your invitation" }),
    ]);
    expect(await isConnected(teacher.id, student.id)).toBe(true);
    expect(await isConnected(student.id, teacher.id)).toBe(true);
    // Answered once only.
    expect(await declineInvitation(verified, { connectionId })).toMatchObject({ ok: false });
  });

  it("lets the student decline; the teacher is told and nothing is shared", async () => {
    const teacher = await createUser({ role: "teacher" });
    const student = await createUser({ role: "student" });
    const invited = await inviteStudent(teacher, { email: student.email });
    if (!invited.ok) throw new Error(invited.error);
    expect(await declineInvitation(student, { connectionId: invited.data.connectionId })).toMatchObject({ ok: true });
    expect(await connectionRow(invited.data.connectionId)).toMatchObject({ status: "declined" });
    expect((await notificationsOf(teacher.id)).map((row) => row.type)).toEqual(["connection.declined"]);
    expect(await isConnected(teacher.id, student.id)).toBe(false);
    expect(await canSendMessage(student, invited.data.connectionId)).toBe(false);
  });
});

describe("ending a connection", () => {
  it("cancels only future scheduled lessons, withdraws open requests, keeps history and tells both", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const [past, future, alreadyCancelled] = await db
      .insert(lessons)
      .values([
        lessonAt(connection, -48),
        lessonAt(connection, 48),
        { ...lessonAt(connection, 72), status: "cancelled", cancelledAt: new Date() },
      ])
      .returning();
    await db.insert(lessonRequests).values({
      connectionId: connection.id,
      requestedById: student.id,
      startsAt: new Date(Date.now() + 96 * HOUR),
      durationMinutes: 30,
      timezone: "Europe/London",
    });
    await db
      .insert(messages)
      .values({ connectionId: connection.id, senderId: student.id, clientMessageId: randomUUID(), body: "See you Tuesday" });
    await addNote(teacher, { connectionId: connection.id, body: "Works hard on scales" });

    const ended = await endConnection(teacher, { connectionId: connection.id });
    expect(ended).toEqual({ ok: true, message: "Connection ended.", data: { cancelledLessons: 1 } });
    expect(await connectionRow(connection.id)).toMatchObject({ status: "revoked", endedById: teacher.id, endedAt: expect.any(Date) });
    const after = new Map((await db.select().from(lessons).where(eq(lessons.connectionId, connection.id))).map((row) => [row.id, row]));
    expect(after.get(future!.id)).toMatchObject({ status: "cancelled", cancelledById: teacher.id, cancellationReason: "Connection ended" });
    expect(after.get(past!.id)).toMatchObject({ status: "scheduled", cancelledAt: null });
    expect(after.get(alreadyCancelled!.id)!.cancellationReason).toBeNull();
    expect((await db.select().from(lessonRequests).where(eq(lessonRequests.connectionId, connection.id)))[0]!.status).toBe("withdrawn");
    expect(await db.select().from(messages).where(eq(messages.connectionId, connection.id))).toHaveLength(1);
    expect(await db.select().from(teacherNotes).where(eq(teacherNotes.connectionId, connection.id))).toHaveLength(1);
    expect((await notificationsOf(student.id)).map((row) => row.type)).toEqual(["connection.ended"]);
    expect((await notificationsOf(teacher.id)).map((row) => row.type)).toEqual(["connection.ended"]);

    // History is read-only: no sending, no new notes, no second end.
    expect(await canSendMessage(student, connection.id)).toBe(false);
    expect(await addNote(teacher, { connectionId: connection.id, body: "Too late" })).toMatchObject({ ok: false });
    expect(await endConnection(student, { connectionId: connection.id })).toMatchObject({
      ok: false,
      error: "We couldn't find that connection.",
    });
  });

  it("can be ended by the student too", async () => {
    const { student, connection } = await createConnectedPair();
    expect(await endConnection(student, { connectionId: connection.id })).toMatchObject({ ok: true, data: { cancelledLessons: 0 } });
    expect(await connectionRow(connection.id)).toMatchObject({ status: "revoked", endedById: student.id });
  });
});

describe("messaging lock", () => {
  it("lets the teacher pause and resume the student's messaging; the student is told, the teacher can still write", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    expect(await canSendMessage(student, connection.id)).toBe(true);
    expect(await canSendMessage(teacher, connection.id)).toBe(true);
    expect(await setMessagingLocked(teacher, { connectionId: connection.id, locked: "true" })).toMatchObject({ ok: true });
    expect(await canSendMessage(student, connection.id)).toBe(false);
    expect(await canSendMessage(teacher, connection.id)).toBe(true);
    expect(await notificationsOf(student.id)).toEqual([expect.objectContaining({ type: "connection.messaging_locked" })]);
    expect(await setMessagingLocked(teacher, { connectionId: connection.id, locked: false })).toMatchObject({ ok: true });
    expect(await canSendMessage(student, connection.id)).toBe(true);
  });

  it("refuses the student, strangers, bad values and forged fields", async () => {
    const { student, connection } = await createConnectedPair();
    const stranger = await createUser({ role: "teacher" });
    expect(await setMessagingLocked(student, { connectionId: connection.id, locked: true })).toMatchObject({
      ok: false,
      error: "We couldn't find that connection.",
    });
    expect(await setMessagingLocked(stranger, { connectionId: connection.id, locked: true })).toMatchObject({ ok: false });
    expect(await setMessagingLocked(stranger, { connectionId: connection.id, locked: "yes" })).toMatchObject({
      ok: false,
      fieldErrors: { locked: expect.any(String) },
    });
    expect(await setMessagingLocked(stranger, { connectionId: "not-a-uuid", locked: true })).toMatchObject({
      ok: false,
      fieldErrors: { connectionId: expect.any(String) },
    });
    expect(await setMessagingLocked(stranger, { connectionId: connection.id, locked: true, status: "accepted" })).toMatchObject({
      ok: false,
      fieldErrors: { form: expect.any(String) },
    });
    expect((await connectionRow(connection.id))!.messagingLocked).toBe(false);
    expect(await canSendMessage(stranger, connection.id)).toBe(false);
    expect(await canSendMessage(student, "not-a-uuid")).toBe(false);
    expect((await db.select().from(connections).where(eq(connections.id, connection.id)))[0]!.status).toBe("accepted");
  });
});

describe("forged fields", () => {
  it("every connection function rejects unknown keys and changes nothing", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const before = await connectionRow(connection.id);
    const forged = { teacherId: student.id, studentId: teacher.id, status: "accepted", messagingLocked: true, role: "teacher" };
    const calls = [
      () => endConnection(teacher, { connectionId: connection.id, ...forged }),
      () => setMessagingLocked(teacher, { connectionId: connection.id, locked: true, ...forged }),
      () => acceptInvitation(student, { connectionId: connection.id, ...forged }),
      () => declineInvitation(student, { connectionId: connection.id, ...forged }),
      () => addNote(teacher, { connectionId: connection.id, body: "x", ...forged }),
      () => inviteStudent(teacher, { email: "forged@example.com", ...forged }),
    ];
    for (const call of calls) expect(await call()).toMatchObject({ ok: false, fieldErrors: { form: expect.any(String) } });
    expect(await connectionRow(connection.id)).toEqual(before);
    expect(await db.select().from(teacherNotes).where(eq(teacherNotes.connectionId, connection.id))).toHaveLength(0);
  });
});
