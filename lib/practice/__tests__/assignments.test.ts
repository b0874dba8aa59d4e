import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { assignments, lessons, notifications, type User } from "@/db/schema";
import { settleBackgroundWork } from "@/lib/background";
import {
  completeAssignment,
  createAssignment,
  deleteAssignment,
  reopenAssignment,
  uncompleteAssignment,
  updateAssignment,
} from "@/lib/practice";
import { ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH, ASSIGNMENT_NOTE_MAX_LENGTH, ASSIGNMENT_TITLE_MAX_LENGTH } from "@/lib/practice/limits";
import { getAssignment, listAssignments } from "@/lib/practice/queries";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";

vi.mock("@/lib/realtime", () => ({ publish: async () => true, presenceMembers: async () => new Set() }));

setupTestDatabase();

const noticesFor = async (user: User) => {
  await settleBackgroundWork();
  return db.select().from(notifications).where(eq(notifications.userId, user.id));
};

async function set(teacher: User, connectionId: string, fields: Record<string, unknown> = {}) {
  const result = await createAssignment(teacher, { connectionId, title: "Scales: C, G and D major", ...fields });
  if (!result.ok) throw new Error(result.error);
  return result.data.assignment;
}

describe("assignments", () => {
  it("takes the due date as a wall time in the teacher's zone and tells the student", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const newYork = { ...teacher, timezone: "America/New_York" };
    const assignment = await set(newYork, connection.id, {
      instructions: "Hands separately first.\nhttps://example.com/scales.pdf",
      dueDate: "2026-12-08",
      dueTime: "17:30",
    });
    expect(assignment).toMatchObject({ connectionId: connection.id, dueAt: new Date("2026-12-08T22:30:00Z"), completedAt: null });
    const withoutTime = await set(newYork, connection.id, { dueDate: "2026-12-09" });
    expect(withoutTime.dueAt).toEqual(new Date("2026-12-10T04:59:00Z"));
    const [notice] = (await noticesFor(student)).filter((row) => row.link === `/assignments/${assignment.id}`);
    expect(notice).toMatchObject({ type: "assignment.set", title: `${teacher.name} set “Scales: C, G and D major”` });
  });

  it("keeps fields at their maximum length and refuses one character more", async () => {
    const { teacher, connection } = await createConnectedPair();
    const longest = {
      title: "t".repeat(ASSIGNMENT_TITLE_MAX_LENGTH),
      instructions: "i".repeat(ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH),
    };
    const assignment = await set(teacher, connection.id, longest);
    expect(assignment).toMatchObject(longest);
    expect(await createAssignment(teacher, { connectionId: connection.id, title: `${longest.title}x` })).toMatchObject({
      ok: false,
      fieldErrors: { title: expect.stringContaining("200") },
    });
    expect(
      await createAssignment(teacher, { connectionId: connection.id, title: "ok", instructions: `${longest.instructions}x` }),
    ).toMatchObject({ ok: false, fieldErrors: { instructions: expect.stringContaining("4,000") } });
    expect(await createAssignment(teacher, { connectionId: connection.id, title: "\u202eevil" })).toMatchObject({
      ok: false,
      fieldErrors: { title: expect.stringContaining("direction") },
    });
    expect(await createAssignment(teacher, { connectionId: connection.id, title: "   " })).toMatchObject({
      ok: false,
      fieldErrors: { title: "Give the assignment a title." },
    });
    expect(await createAssignment(teacher, { connectionId: connection.id, title: "ok", dueDate: "2026-02-30" })).toMatchObject({
      ok: false,
      fieldErrors: { dueDate: "Enter a real date: that day does not exist." },
    });
    expect(await createAssignment(teacher, { connectionId: connection.id, title: "ok", dueTime: "10:00" })).toMatchObject({
      ok: false,
      fieldErrors: { dueDate: expect.any(String) },
    });
    expect(await createAssignment(teacher, { connectionId: connection.id, title: "ok", completedAt: "2020-01-01" })).toMatchObject({
      ok: false,
      fieldErrors: { form: expect.any(String) },
    });
    // The notice quotes the instructions, shortened, instead of failing the whole change.
    const notices = await db.select().from(notifications).where(eq(notifications.type, "assignment.set"));
    expect(notices.every((row) => (row.body?.length ?? 0) <= 1000)).toBe(true);
  });

  it("attaches only a lesson of the same connection", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const other = await createConnectedPair();
    const lessonOf = async (pair: { teacher: User; student: User; connection: { id: string } }) =>
      (
        await db
          .insert(lessons)
          .values({
            connectionId: pair.connection.id,
            teacherId: pair.teacher.id,
            studentId: pair.student.id,
            startsAt: new Date("2026-12-01T10:00:00Z"),
            endsAt: new Date("2026-12-01T11:00:00Z"),
          })
          .returning()
      )[0]!;
    const own = await lessonOf({ teacher, student, connection });
    const foreign = await lessonOf(other);
    expect((await set(teacher, connection.id, { lessonId: own.id })).lessonId).toBe(own.id);
    expect(await createAssignment(teacher, { connectionId: connection.id, title: "x", lessonId: foreign.id })).toMatchObject({
      ok: false,
      fieldErrors: { lessonId: expect.any(String) },
    });
  });

  it("lets the student complete with a note and undo; the teacher reopens with a comment; each change notifies the other party", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const assignment = await set(teacher, connection.id);
    expect(await completeAssignment(teacher, { assignmentId: assignment.id })).toMatchObject({ ok: false, code: "forbidden" });
    const note = "n".repeat(ASSIGNMENT_NOTE_MAX_LENGTH);
    const done = await completeAssignment(student, { assignmentId: assignment.id, note });
    expect(done).toMatchObject({ ok: true, data: { assignment: { completionNote: note } } });
    expect(await completeAssignment(student, { assignmentId: assignment.id, note: `${note}x` })).toMatchObject({ ok: false });
    expect((await noticesFor(teacher)).map((row) => row.type)).toEqual(["assignment.completed"]);

    expect(await uncompleteAssignment(student, { assignmentId: assignment.id })).toMatchObject({
      ok: true,
      data: { assignment: { completedAt: null, completionNote: null } },
    });
    expect(await reopenAssignment(teacher, { assignmentId: assignment.id, comment: "Again" })).toMatchObject({
      ok: false,
      error: "Only a completed assignment can be reopened.",
    });
    await completeAssignment(student, { assignmentId: assignment.id });
    expect(await reopenAssignment(student, { assignmentId: assignment.id })).toMatchObject({ ok: false, code: "forbidden" });
    const reopened = await reopenAssignment(teacher, {
      assignmentId: assignment.id,
      comment: "Bars 9–16 with the metronome at 80, please.",
    });
    expect(reopened).toMatchObject({
      ok: true,
      data: { assignment: { completedAt: null, reopenComment: "Bars 9–16 with the metronome at 80, please." } },
    });
    expect((await noticesFor(student)).map((row) => row.type).sort()).toEqual(["assignment.reopened", "assignment.set"]);

    expect(await updateAssignment(student, { assignmentId: assignment.id, title: "Mine now" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await updateAssignment(teacher, { assignmentId: assignment.id, title: "Scales and arpeggios", dueDate: "" })).toMatchObject({
      ok: true,
      data: { assignment: { title: "Scales and arpeggios", dueAt: null } },
    });
    expect(await deleteAssignment(student, { assignmentId: assignment.id })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteAssignment(teacher, { assignmentId: assignment.id })).toMatchObject({ ok: true });
    expect(await db.select().from(assignments).where(eq(assignments.id, assignment.id))).toEqual([]);
    expect((await noticesFor(student)).map((row) => row.type).filter((type) => type === "assignment.changed")).toHaveLength(2);
  });

  it("refuses unknown, malformed and other people's ids with not found", async () => {
    const { teacher, connection } = await createConnectedPair();
    const stranger = await createConnectedPair();
    const assignment = await set(teacher, connection.id);
    for (const assignmentId of [randomUUID(), "-".repeat(36)]) {
      const result = await updateAssignment(teacher, { assignmentId, title: "x" });
      expect(result.ok).toBe(false);
    }
    expect(await updateAssignment(stranger.teacher, { assignmentId: assignment.id, title: "x" })).toMatchObject({
      ok: false,
      error: "We couldn't find that assignment.",
    });
    expect(await createAssignment(stranger.teacher, { connectionId: connection.id, title: "x" })).toMatchObject({
      ok: false,
      error: "We couldn't find that student.",
    });
    expect(await createAssignment(await createUser({ role: "student" }), { connectionId: connection.id, title: "x" })).toMatchObject({
      ok: false,
      code: "forbidden",
    });
  });

  it("lists open work by urgency, overdue first, then completed, for both parties", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const now = new Date("2026-12-01T12:00:00Z");
    const later = await set(teacher, connection.id, { title: "Later", dueDate: "2026-12-20" });
    const undated = await set(teacher, connection.id, { title: "Whenever" });
    const soon = await set(teacher, connection.id, { title: "Soon", dueDate: "2026-12-03" });
    const late = await set(teacher, connection.id, { title: "Late", dueDate: "2026-11-28" });
    const finished = await set(teacher, connection.id, { title: "Finished" });
    await completeAssignment(student, { assignmentId: finished.id });
    for (const viewer of [teacher, student]) {
      const lists = await listAssignments(viewer, {}, now);
      expect(lists.overdue.map((row) => row.id)).toEqual([late.id]);
      expect(lists.dueThisWeek.map((row) => row.id)).toEqual([soon.id]);
      expect(lists.later.map((row) => row.id)).toEqual([later.id, undated.id]);
      expect(lists.completed.map((row) => row.id)).toEqual([finished.id]);
    }
    expect((await listAssignments(teacher, {}, now)).overdue[0]!.otherPartyName).toBe(student.name);
    expect((await listAssignments(student, {}, now)).overdue[0]!.otherPartyName).toBe(teacher.name);
    const other = await createConnectedPair();
    expect(await listAssignments(other.teacher, {}, now)).toEqual({ overdue: [], dueThisWeek: [], later: [], completed: [] });
    expect(await getAssignment(other.student, late.id)).toBeNull();
    expect(await getAssignment(student, late.id)).toMatchObject({ title: "Late" });
  });
});
