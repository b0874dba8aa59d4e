import fc from "fast-check";
import { describe, it, vi } from "vitest";
import type { User } from "@/db/schema";
import {
  approveLessonRequest,
  approveReschedule,
  cancelLesson,
  createCalendarEvent,
  declineLessonRequest,
  declineReschedule,
  deleteCalendarEvent,
  markAttendance,
  previewLessonRequest,
  proposeReschedule,
  requestLessons,
  updateCalendarEvent,
  withdrawLessonRequest,
} from "@/lib/scheduling";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair } from "@/tests/factories";
import { fuzzActions, type FuzzCase, inputFor, tablesFingerprint } from "@/tests/fuzz";
import { actorOf, insertLesson, NOW, requestForm } from "@/tests/scheduling";

vi.mock("@/lib/realtime", () => ({ publish: async () => true, presenceMembers: async () => new Set() }));

setupTestDatabase();

const RUNS = 30;

/** The tables these actions write, so a refused call can be shown to have written nothing. */
const fingerprint = tablesFingerprint([
  "lessons",
  "lesson_requests",
  "reschedule_requests",
  "calendar_events",
  "lesson_series",
  "notifications",
]);

describe("scheduling inputs under fuzzing (T28)", () => {
  it(
    "answer any input with a result and a message, never an exception, and write nothing when they refuse",
    { timeout: 300_000 },
    async () => {
      const { teacher, student, connection } = await createConnectedPair();
      const request = await requestLessons(actorOf(student), requestForm(connection), NOW);
      const lesson = await insertLesson(connection, "2026-02-10T17:00:00Z", 45);
      const proposal = await proposeReschedule(
        actorOf(student),
        { lessonId: lesson.id, date: "2026-02-11", time: "17:00", timezone: "Europe/London" },
        NOW,
      );
      const event = await createCalendarEvent(actorOf(teacher), {
        title: "Recital",
        startDate: "2026-02-12",
        startTime: "19:00",
        endDate: "2026-02-12",
        endTime: "21:00",
        timezone: "Europe/London",
      });
      if (!request.ok || !proposal.ok || !event.ok) throw new Error("The fuzzing studio could not be set up.");
      const { requestId } = request.data;
      const { rescheduleId } = proposal.data;
      const { eventId } = event.data;
      const ids = (own: string) =>
        fc.oneof({ arbitrary: fc.constant(own), weight: 4 }, fc.constantFrom(connection.id, lesson.id, requestId, "not-an-id"));
      const date = fc.oneof(
        { arbitrary: fc.constantFrom("2026-02-16", "2026-02-23"), weight: 4 },
        fc.constantFrom("1900-01-01", "3000-12-31", "2026-02-30", "2026-03-29"),
      );
      const time = fc.oneof({ arbitrary: fc.constantFrom("17:00", "01:30"), weight: 4 }, fc.constantFrom("24:00", "7pm"));
      const zone = fc.oneof({ arbitrary: fc.constant("Europe/London"), weight: 4 }, fc.constantFrom("Mars/Olympus", "UTC"));
      const eventFields = {
        title: fc.constantFrom("Concert", "Rehearsal"),
        allDay: fc.constantFrom("on", undefined),
        startDate: date,
        startTime: time,
        endDate: date,
        endTime: time,
        timezone: zone,
        notes: fc.constantFrom("Bring the score", undefined),
      };
      const cases: FuzzCase<User>[] = [
        [
          "request lessons",
          student,
          (actor, input) => requestLessons(actorOf(actor), input, NOW),
          inputFor({
            connectionId: ids(connection.id),
            date,
            time,
            durationMinutes: fc.oneof(fc.constantFrom("45", "30"), fc.integer({ min: -5, max: 600 })),
            timezone: zone,
            repeat: fc.constantFrom("none", "weekly", "fortnightly", "daily"),
            occurrences: fc.constantFrom(undefined, "3", "60"),
            untilDate: fc.constantFrom(undefined, "2026-03-30", "2026-02-30"),
            location: fc.constantFrom(undefined, "Studio 2"),
            note: fc.constantFrom(undefined, "First lesson"),
          }),
        ],
        [
          "preview a request",
          teacher,
          async (actor, input) => {
            await previewLessonRequest(actorOf(actor), input, NOW);
            return { ok: false, error: "a preview writes nothing" };
          },
          inputFor({ requestId: ids(requestId) }),
        ],
        ["create an event", teacher, (actor, input) => createCalendarEvent(actorOf(actor), input), inputFor(eventFields)],
        [
          "edit an event",
          teacher,
          (actor, input) => updateCalendarEvent(actorOf(actor), input),
          inputFor({ ...eventFields, eventId: ids(eventId) }),
        ],
        [
          "propose a move",
          student,
          (actor, input) => proposeReschedule(actorOf(actor), input, NOW),
          inputFor({ lessonId: ids(lesson.id), date, time, timezone: zone, reason: fc.constantFrom(undefined, "Exams") }),
        ],
        [
          "mark attendance",
          teacher,
          (actor, input) => markAttendance(actorOf(actor), input, new Date("2026-02-10T18:00:00Z")),
          inputFor({ lessonId: ids(lesson.id), attendance: fc.constantFrom("present", "late", "asleep") }),
        ],
        // Last: once these succeed, the actions above could only answer "not found" or "already answered".
        [
          "decline a move",
          teacher,
          (actor, input) => declineReschedule(actorOf(actor), input, NOW),
          inputFor({ rescheduleId: ids(rescheduleId) }),
        ],
        [
          "approve a move",
          teacher,
          (actor, input) => approveReschedule(actorOf(actor), input, NOW),
          inputFor({ rescheduleId: ids(rescheduleId) }),
        ],
        [
          "decline a request",
          teacher,
          (actor, input) => declineLessonRequest(actorOf(actor), input, NOW),
          inputFor({ requestId: ids(requestId), reason: fc.constantFrom(undefined, "Full") }),
        ],
        [
          "withdraw a request",
          student,
          (actor, input) => withdrawLessonRequest(actorOf(actor), input, NOW),
          inputFor({ requestId: ids(requestId) }),
        ],
        [
          "approve a request",
          teacher,
          (actor, input) => approveLessonRequest(actorOf(actor), input, NOW),
          inputFor({ requestId: ids(requestId), skip: fc.constantFrom([], ["x"]) }),
        ],
        [
          "cancel a lesson",
          teacher,
          (actor, input) => cancelLesson(actorOf(actor), input, NOW),
          inputFor({ lessonId: ids(lesson.id), reason: fc.constantFrom("Ill", "") }),
        ],
        ["delete an event", teacher, (actor, input) => deleteCalendarEvent(actorOf(actor), input), inputFor({ eventId: ids(eventId) })],
      ];
      await fuzzActions(cases, fingerprint, RUNS);
    },
  );
});
