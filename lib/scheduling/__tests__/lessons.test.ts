import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { emailOutbox, lessons, lessonSeries, notifications, rescheduleRequests } from "@/db/schema";
import { settleBackgroundWork } from "@/lib/background";
import { formatLocalDateTime, utcToZoned } from "@/lib/time";
import { createConnectedPair } from "@/tests/factories";
import { setupTestDatabase } from "@/tests/database";
import { actorOf, insertLesson, NOW, requestForm } from "@/tests/scheduling";
import { acceptInvitation, endConnection, inviteStudent } from "@/lib/connections";
import {
  approveLessonRequest,
  approveReschedule,
  cancelLesson,
  cancelSeriesFrom,
  declineReschedule,
  markAttendance,
  proposeReschedule,
  requestLessons,
} from "..";
import { getLessonDetail, getLessonsOverview } from "../queries";

setupTestDatabase();

const notices = (userId: string, type: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, type)));

async function weeklySeries(count: number) {
  const pair = await createConnectedPair();
  const request = await requestLessons(
    actorOf(pair.student),
    requestForm(pair.connection, { repeat: "weekly", occurrences: String(count) }),
    NOW,
  );
  if (!request.ok) throw new Error(request.error);
  const approved = await approveLessonRequest(actorOf(pair.teacher), { requestId: request.data.requestId }, NOW);
  if (!approved.ok) throw new Error(approved.error);
  const booked = await db.select().from(lessons).where(eq(lessons.connectionId, pair.connection.id)).orderBy(lessons.startsAt);
  return { ...pair, booked };
}

describe("rescheduling", () => {
  it("a proposal from one side, approved by the other, moves the lesson and keeps the move as history", async () => {
    const { teacher, student, booked } = await weeklySeries(3);
    const lesson = booked[1]!;
    const proposed = await proposeReschedule(
      actorOf(student),
      { lessonId: lesson.id, date: "2026-02-10", time: "13:30", timezone: "America/New_York", reason: "School trip" },
      NOW,
    );
    if (!proposed.ok) throw new Error(proposed.error);
    expect(await notices(teacher.id, "lesson.reschedule_proposed")).toHaveLength(1);
    // The proposer cannot approve their own proposal.
    expect(await approveReschedule(actorOf(student), { rescheduleId: proposed.data.rescheduleId }, NOW)).toMatchObject({ ok: false });
    expect(await approveReschedule(actorOf(teacher), { rescheduleId: proposed.data.rescheduleId }, NOW)).toMatchObject({ ok: true });

    const [moved] = await db.select().from(lessons).where(eq(lessons.id, lesson.id));
    expect(moved!.startsAt.toISOString()).toBe("2026-02-10T18:30:00.000Z");
    expect(moved!.endsAt.getTime() - moved!.startsAt.getTime()).toBe(45 * 60_000);
    expect(moved!.seriesId).toBe(lesson.seriesId);
    const [history] = await db.select().from(rescheduleRequests).where(eq(rescheduleRequests.lessonId, lesson.id));
    expect(history).toMatchObject({
      status: "approved",
      proposedById: student.id,
      respondedById: teacher.id,
      reason: "School trip",
      fromStartsAt: lesson.startsAt,
    });
    expect(await notices(student.id, "lesson.rescheduled")).toHaveLength(1);
  });

  it("refuses a move onto another lesson, and a declined proposal leaves the lesson where it was", async () => {
    const { teacher, student, booked } = await weeklySeries(2);
    const [first, second] = booked as [(typeof booked)[0], (typeof booked)[0]];
    const onto = formatLocalDateTime(utcToZoned(second.startsAt, "Europe/London")).split("T") as [string, string];
    const clash = await proposeReschedule(
      actorOf(teacher),
      { lessonId: first.id, date: onto[0], time: onto[1], timezone: "Europe/London" },
      NOW,
    );
    expect(clash).toMatchObject({ ok: false, error: "You have another lesson at that time." });

    const proposed = await proposeReschedule(
      actorOf(teacher),
      { lessonId: first.id, date: "2026-02-03", time: "09:00", timezone: "Europe/London" },
      NOW,
    );
    if (!proposed.ok) throw new Error(proposed.error);
    expect(await declineReschedule(actorOf(student), { rescheduleId: proposed.data.rescheduleId }, NOW)).toMatchObject({ ok: true });
    const [unchanged] = await db.select().from(lessons).where(eq(lessons.id, first.id));
    expect(unchanged!.startsAt).toEqual(first.startsAt);
    expect(await notices(teacher.id, "lesson.reschedule_declined")).toHaveLength(1);
  });

  it("closes a pending proposal made stale by a newer proposal or a cancellation", async () => {
    const { teacher, student, booked } = await weeklySeries(2);
    const lesson = booked[0]!;
    const older = await proposeReschedule(
      actorOf(student),
      { lessonId: lesson.id, date: "2026-02-03", time: "10:00", timezone: "Europe/London" },
      NOW,
    );
    const newer = await proposeReschedule(
      actorOf(teacher),
      { lessonId: lesson.id, date: "2026-02-04", time: "10:00", timezone: "Europe/London" },
      NOW,
    );
    if (!older.ok || !newer.ok) throw new Error("proposals refused");
    expect(await approveReschedule(actorOf(teacher), { rescheduleId: older.data.rescheduleId }, NOW)).toMatchObject({ ok: false });
    expect(await cancelLesson(actorOf(student), { lessonId: lesson.id, reason: "Ill" }, NOW)).toMatchObject({ ok: true });
    expect(await approveReschedule(actorOf(student), { rescheduleId: newer.data.rescheduleId }, NOW)).toMatchObject({ ok: false });
    const statuses = await db
      .select({ status: rescheduleRequests.status })
      .from(rescheduleRequests)
      .where(eq(rescheduleRequests.lessonId, lesson.id));
    expect(statuses.map((row) => row.status).sort()).toEqual(["superseded", "superseded"]);
  });

  it("refuses to move a lesson into the past", async () => {
    const { student, booked } = await weeklySeries(2);
    const result = await proposeReschedule(
      actorOf(student),
      { lessonId: booked[0]!.id, date: "2026-01-01", time: "10:00", timezone: "Europe/London" },
      NOW,
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { date: "Choose a time in the future." } });
  });
});

describe("cancelling", () => {
  it("cancels one lesson with a reason; it stays in history and both the notice and the email reach the other party", async () => {
    const { teacher, student, booked } = await weeklySeries(3);
    expect(await cancelLesson(actorOf(student), { lessonId: booked[0]!.id, reason: "" }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { reason: expect.any(String) },
    });
    expect(await cancelLesson(actorOf(student), { lessonId: booked[0]!.id, reason: "Orchestra rehearsal" }, NOW)).toMatchObject({
      ok: true,
    });
    const [cancelled] = await db.select().from(lessons).where(eq(lessons.id, booked[0]!.id));
    expect(cancelled).toMatchObject({ status: "cancelled", cancelledById: student.id, cancellationReason: "Orchestra rehearsal" });
    expect(await notices(teacher.id, "lesson.cancelled")).toHaveLength(1);
    await settleBackgroundWork();
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, teacher.email))).toHaveLength(2); // the request, the cancellation
    expect(await cancelLesson(actorOf(teacher), { lessonId: booked[0]!.id, reason: "again" }, NOW)).toMatchObject({ ok: false });
  });

  it("cancels this and every following lesson of a series, with one notice, and ends the series", async () => {
    const { teacher, student, booked } = await weeklySeries(6);
    const result = await cancelSeriesFrom(actorOf(teacher), { lessonId: booked[2]!.id, reason: "Moving away" }, NOW);
    expect(result).toMatchObject({ ok: true, data: { cancelled: 4 } });
    const after = await db.select().from(lessons).where(eq(lessons.seriesId, booked[0]!.seriesId!)).orderBy(lessons.startsAt);
    expect(after.map((lesson) => lesson.status)).toEqual(["scheduled", "scheduled", "cancelled", "cancelled", "cancelled", "cancelled"]);
    const [series] = await db.select().from(lessonSeries).where(eq(lessonSeries.id, booked[0]!.seriesId!));
    expect(series!.endedAt).not.toBeNull();
    expect(await notices(student.id, "lesson.cancelled")).toHaveLength(1);
  });

  it("refuses 'this and following' for a single lesson", async () => {
    const { teacher, connection } = await createConnectedPair();
    const single = await insertLesson(connection, "2026-03-01T10:00:00Z");
    expect(await cancelSeriesFrom(actorOf(teacher), { lessonId: single.id, reason: "x" }, NOW)).toMatchObject({
      ok: false,
      error: "This lesson is not part of a series.",
    });
  });
});

describe("ending the connection", () => {
  it("closes pending moves of the cancelled lessons, so a re-invited pair does not see them again", async () => {
    const { teacher, student, connection, booked } = await weeklySeries(2);
    const lesson = booked[0]!;
    const proposed = await proposeReschedule(
      actorOf(student),
      { lessonId: lesson.id, date: "2026-02-04", time: "17:00", timezone: "Europe/London" },
      NOW,
    );
    if (!proposed.ok) throw new Error(proposed.error);
    expect(await endConnection(teacher, { connectionId: connection.id }, NOW)).toMatchObject({ ok: true, data: { cancelledLessons: 2 } });
    const [closed] = await db.select().from(rescheduleRequests).where(eq(rescheduleRequests.id, proposed.data.rescheduleId));
    expect(closed).toMatchObject({ status: "superseded" });

    const invited = await inviteStudent(teacher, { email: student.email }, NOW);
    if (!invited.ok) throw new Error(invited.error);
    expect(await acceptInvitation(student, { connectionId: invited.data.connectionId }, NOW)).toMatchObject({ ok: true });
    for (const viewer of [teacher, student]) {
      expect((await getLessonsOverview(actorOf(viewer), NOW)).proposals).toEqual([]);
      expect(await getLessonDetail(actorOf(viewer), lesson.id)).toMatchObject({ status: "cancelled", pendingProposal: null });
    }
    expect(await approveReschedule(actorOf(teacher), { rescheduleId: proposed.data.rescheduleId }, NOW)).toMatchObject({ ok: false });
  });
});

describe("attendance", () => {
  it("the teacher records and corrects attendance after the lesson starts; the student is told each time", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const past = await insertLesson(connection, "2026-01-04T10:00:00Z");
    const future = await insertLesson(connection, "2026-01-06T10:00:00Z");
    expect(await markAttendance(actorOf(teacher), { lessonId: future.id, attendance: "present" }, NOW)).toMatchObject({ ok: false });
    expect(await markAttendance(actorOf(teacher), { lessonId: past.id, attendance: "late" }, NOW)).toMatchObject({ ok: true });
    expect(await markAttendance(actorOf(teacher), { lessonId: past.id, attendance: "present" }, NOW)).toMatchObject({ ok: true });
    expect(await markAttendance(actorOf(teacher), { lessonId: past.id, attendance: "sleeping" }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { attendance: expect.any(String) },
    });
    const [marked] = await db.select().from(lessons).where(eq(lessons.id, past.id));
    expect(marked).toMatchObject({ attendance: "present", status: "completed" });
    const told = await notices(student.id, "lesson.attendance");
    expect(told.map((row) => row.title).sort()).toEqual(["Attendance corrected: present", "Attendance recorded: late"]);
  });
});
