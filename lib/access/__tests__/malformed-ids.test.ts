import { describe, expect, it } from "vitest";
import { canSendMessage, findConnectionFor, findInvitationFor, findLessonFor, findNoteFor, isConnected } from "@/lib/access";
import { acceptInvitation, deleteNote, endConnection, setMessagingLocked } from "@/lib/connections";
import { getStudentDetail } from "@/lib/connections/queries";
import {
  approveLessonRequest,
  approveReschedule,
  cancelLesson,
  deleteCalendarEvent,
  markAttendance,
  previewLessonRequest,
  requestLessons,
} from "@/lib/scheduling";
import { getLessonDetail } from "@/lib/scheduling/queries";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair } from "@/tests/factories";
import { actorOf, NOW } from "@/tests/scheduling";

setupTestDatabase();

const DASHES = "-".repeat(36);

describe("36 dashes where an id belongs", () => {
  it("reads as not found in every lookup, query and domain function, never as a database error", async () => {
    const { teacher, student } = await createConnectedPair();
    const [asTeacher, asStudent] = [actorOf(teacher), actorOf(student)];
    expect(await findConnectionFor(asTeacher, DASHES)).toBeNull();
    expect(await findInvitationFor(student, DASHES)).toBeNull();
    expect(await findLessonFor(asStudent, DASHES)).toBeNull();
    expect(await findNoteFor(asTeacher, DASHES)).toBeNull();
    expect(await canSendMessage(asTeacher, DASHES)).toBe(false);
    expect(await isConnected(DASHES, student.id)).toBe(false);
    expect(await getLessonDetail(asTeacher, DASHES)).toBeNull();
    expect(await getStudentDetail(asTeacher, DASHES)).toBeNull();

    const notFound = { ok: false };
    expect(await cancelLesson(asTeacher, { lessonId: DASHES, reason: "Ill" }, NOW)).toMatchObject(notFound);
    expect(await markAttendance(asTeacher, { lessonId: DASHES, attendance: "present" }, NOW)).toMatchObject(notFound);
    expect(await approveReschedule(asTeacher, { rescheduleId: DASHES }, NOW)).toMatchObject(notFound);
    expect(await previewLessonRequest(asTeacher, { requestId: DASHES }, NOW)).toMatchObject(notFound);
    expect(await approveLessonRequest(asTeacher, { requestId: DASHES }, NOW)).toMatchObject(notFound);
    expect(await deleteCalendarEvent(asTeacher, { eventId: DASHES })).toMatchObject(notFound);
    expect(
      await requestLessons(
        asStudent,
        { connectionId: DASHES, date: "2026-02-02", time: "17:00", durationMinutes: "45", timezone: "Europe/London" },
        NOW,
      ),
    ).toMatchObject(notFound);
    expect(await endConnection(teacher, { connectionId: DASHES })).toMatchObject(notFound);
    expect(await setMessagingLocked(teacher, { connectionId: DASHES, locked: true })).toMatchObject(notFound);
    expect(await acceptInvitation(student, { connectionId: DASHES })).toMatchObject(notFound);
    expect(await deleteNote(teacher, { noteId: DASHES })).toMatchObject(notFound);
  });
});
