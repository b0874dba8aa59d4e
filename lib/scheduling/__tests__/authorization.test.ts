import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { calendarFeedTokens, connections, lessonRequests, lessonSeries, rescheduleRequests, type Connection, type User } from "@/db/schema";
import { createConnectedPair } from "@/tests/factories";
import { setupTestDatabase } from "@/tests/database";
import { actorOf, insertLesson, NOW, requestForm, schedulingSnapshot } from "@/tests/scheduling";
import * as scheduling from "..";

setupTestDatabase();

type Actor = ReturnType<typeof actorOf>;
/** Any ActionResult, whatever its data. */
type Outcome = { ok: boolean };

/** A connection with one of everything: a pending request, an upcoming series lesson with a pending proposal, a past lesson. */
async function scene(status?: "declined" | "revoked") {
  const { teacher, student, connection } = await createConnectedPair();
  const [request] = await db
    .insert(lessonRequests)
    .values({
      connectionId: connection.id,
      requestedById: student.id,
      startsAt: new Date("2026-03-02T17:00:00Z"),
      durationMinutes: 45,
      timezone: "Europe/London",
    })
    .returning();
  const [series] = await db
    .insert(lessonSeries)
    .values({ connectionId: connection.id, intervalWeeks: 1, timezone: "Europe/London", localStartTime: "10:00:00", durationMinutes: 60 })
    .returning();
  const upcoming = await insertLesson(connection, "2026-02-01T10:00:00Z", 60, { seriesId: series!.id });
  const past = await insertLesson(connection, "2026-01-01T10:00:00Z");
  const [proposal] = await db
    .insert(rescheduleRequests)
    .values({
      lessonId: upcoming.id,
      proposedById: student.id,
      fromStartsAt: upcoming.startsAt,
      fromEndsAt: upcoming.endsAt,
      newStartsAt: new Date("2026-02-02T10:00:00Z"),
      newEndsAt: new Date("2026-02-02T11:00:00Z"),
    })
    .returning();
  const event = await scheduling.createCalendarEvent(actorOf(teacher), {
    title: "Recital",
    timezone: "Europe/London",
    startDate: "2026-02-03",
    startTime: "19:00",
    endDate: "2026-02-03",
    endTime: "21:00",
  });
  if (!event.ok) throw new Error(event.error);
  if (status) await db.update(connections).set({ status }).where(eq(connections.id, connection.id));
  return {
    teacher,
    student,
    connection,
    requestId: request!.id,
    upcomingId: upcoming.id,
    pastId: past.id,
    rescheduleId: proposal!.id,
    eventId: event.data.eventId,
  };
}

type Scene = Awaited<ReturnType<typeof scene>>;

/** Every scheduling function, called on the scene's resources. */
const calls: Record<string, (actor: Actor, s: Scene) => Promise<Outcome>> = {
  requestLessons: (actor, s) => scheduling.requestLessons(actor, requestForm(s.connection as Connection), NOW),
  previewLessonRequest: (actor, s) => scheduling.previewLessonRequest(actor, { requestId: s.requestId }, NOW),
  approveLessonRequest: (actor, s) => scheduling.approveLessonRequest(actor, { requestId: s.requestId }, NOW),
  declineLessonRequest: (actor, s) => scheduling.declineLessonRequest(actor, { requestId: s.requestId }, NOW),
  withdrawLessonRequest: (actor, s) => scheduling.withdrawLessonRequest(actor, { requestId: s.requestId }, NOW),
  proposeReschedule: (actor, s) =>
    scheduling.proposeReschedule(actor, { lessonId: s.upcomingId, date: "2026-02-05", time: "10:00", timezone: "Europe/London" }, NOW),
  approveReschedule: (actor, s) => scheduling.approveReschedule(actor, { rescheduleId: s.rescheduleId }, NOW),
  declineReschedule: (actor, s) => scheduling.declineReschedule(actor, { rescheduleId: s.rescheduleId }, NOW),
  cancelLesson: (actor, s) => scheduling.cancelLesson(actor, { lessonId: s.upcomingId, reason: "nope" }, NOW),
  cancelSeriesFrom: (actor, s) => scheduling.cancelSeriesFrom(actor, { lessonId: s.upcomingId, reason: "nope" }, NOW),
  markAttendance: (actor, s) => scheduling.markAttendance(actor, { lessonId: s.pastId, attendance: "absent" }, NOW),
  updateCalendarEvent: (actor, s) =>
    scheduling.updateCalendarEvent(actor, {
      eventId: s.eventId,
      title: "Mine now",
      timezone: "UTC",
      startDate: "2026-02-03",
      startTime: "10:00",
      endDate: "2026-02-03",
      endTime: "11:00",
    }),
  deleteCalendarEvent: (actor, s) => scheduling.deleteCalendarEvent(actor, { eventId: s.eventId }),
};

/** Parties who are on the connection but are the wrong side for the action. */
const wrongSide: Record<string, (s: Scene) => User> = {
  approveLessonRequest: (s) => s.student, // the requester
  declineLessonRequest: (s) => s.student,
  withdrawLessonRequest: (s) => s.teacher, // not the requester
  approveReschedule: (s) => s.student, // the proposer
  declineReschedule: (s) => s.student,
  markAttendance: (s) => s.student, // teacher only
  updateCalendarEvent: (s) => s.student, // someone else's event
  deleteCalendarEvent: (s) => s.student,
};

async function expectRefusedWithoutTrace(call: () => Promise<Outcome>) {
  const before = await schedulingSnapshot();
  const result = await call();
  expect(result.ok).toBe(false);
  expect(result).not.toHaveProperty("data");
  expect(JSON.stringify(result)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no ids leak
  expect(await schedulingSnapshot()).toBe(before);
}

describe("every scheduling function refuses anyone but the right party", () => {
  let s: Scene;
  let strangerTeacher: User;
  let strangerStudent: User;
  let revoked: Scene;
  let declined: Scene;

  beforeAll(async () => {
    s = await scene();
    // Strangers with accepted connections of their own: being connected to somebody is not enough.
    ({ teacher: strangerTeacher, student: strangerStudent } = await createConnectedPair());
    revoked = await scene("revoked");
    declined = await scene("declined");
  });

  for (const name of Object.keys(calls)) {
    it(`${name}: stranger teacher, stranger student${wrongSide[name] ? ", wrong side" : ""}, revoked and declined connections`, async () => {
      const call = calls[name]!;
      await expectRefusedWithoutTrace(() => call(actorOf(strangerTeacher), s));
      await expectRefusedWithoutTrace(() => call(actorOf(strangerStudent), s));
      const wrong = wrongSide[name];
      if (wrong) await expectRefusedWithoutTrace(() => call(actorOf(wrong(s)), s));
      // Events belong to a person, not a connection: their owner keeps them when a connection ends.
      if (name.endsWith("CalendarEvent")) return;
      for (const ended of [revoked, declined]) {
        await expectRefusedWithoutTrace(() => call(actorOf(ended.teacher), ended));
        await expectRefusedWithoutTrace(() => call(actorOf(ended.student), ended));
      }
    });
  }

  it("guessed and malformed ids are answered exactly like strangers", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    const teacher = actorOf(s.teacher);
    const answers = await Promise.all([
      scheduling.approveLessonRequest(teacher, { requestId: unknown }, NOW),
      scheduling.cancelLesson(teacher, { lessonId: unknown, reason: "x" }, NOW),
      scheduling.markAttendance(teacher, { lessonId: "'; drop table lessons; --", attendance: "present" }, NOW),
      scheduling.approveReschedule(teacher, { rescheduleId: 42 }, NOW),
      scheduling.deleteCalendarEvent(teacher, { eventId: unknown }),
    ]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
  });

  it("the right party succeeds on the same scene (the matrix is not refusing everyone)", async () => {
    const fresh = await scene();
    expect(await calls.markAttendance!(actorOf(fresh.teacher), fresh)).toMatchObject({ ok: true });
    expect(await calls.approveReschedule!(actorOf(fresh.teacher), fresh)).toMatchObject({ ok: true });
    expect(await calls.approveLessonRequest!(actorOf(fresh.teacher), fresh)).toMatchObject({ ok: true });
    expect(await calls.updateCalendarEvent!(actorOf(fresh.teacher), fresh)).toMatchObject({ ok: true });
  });

  it("regenerating a feed URL only ever touches the actor's own token", async () => {
    const first = await scheduling.regenerateFeedToken(actorOf(s.teacher));
    const before = await db.select().from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, s.teacher.id));
    await scheduling.regenerateFeedToken(actorOf(strangerTeacher));
    expect(await db.select().from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, s.teacher.id))).toEqual(before);
    expect(first.ok).toBe(true);
  });
});
