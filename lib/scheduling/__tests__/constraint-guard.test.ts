import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { lessonRequests, lessons, lessonSeries, notifications, rescheduleRequests } from "@/db/schema";
import { createConnectedPair } from "@/tests/factories";
import { setupTestDatabase } from "@/tests/database";
import { actorOf, insertLesson, NOW, requestForm } from "@/tests/scheduling";

// The friendly pre-check is switched off here, as if a booking raced in between the check and the
// insert: what is left is the database's exclusion constraint, which must still keep everything whole.
vi.mock("../conflicts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../conflicts")>();
  return {
    ...original,
    findClashes: async (_executor: unknown, _viewerId: unknown, checks: { occurrences: unknown[] }[]) =>
      checks.map((check) => check.occurrences.map(() => null)),
  };
});

const { approveLessonRequest, approveReschedule, CONFLICT_MESSAGE, proposeReschedule, requestLessons } = await import("..");

setupTestDatabase();

describe("the exclusion constraint is the final guard", () => {
  it("an approval whose fourth lesson collides creates nothing at all: no series, no lessons, request still pending, nobody told", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    // The pair already has a lesson overlapping the fourth Monday's occurrence.
    await insertLesson(connection, "2026-02-23T17:15:00Z");
    const request = await requestLessons(actorOf(student), requestForm(connection, { repeat: "weekly", occurrences: "6" }), NOW);
    if (!request.ok) throw new Error(request.error);
    const seriesBefore = await db.select().from(lessonSeries);

    const result = await approveLessonRequest(actorOf(teacher), { requestId: request.data.requestId }, NOW);
    expect(result).toEqual({ ok: false, error: CONFLICT_MESSAGE });
    expect(await db.select().from(lessonSeries)).toEqual(seriesBefore);
    expect(await db.select().from(lessons).where(eq(lessons.requestId, request.data.requestId))).toHaveLength(0);
    const [still] = await db.select().from(lessonRequests).where(eq(lessonRequests.id, request.data.requestId));
    expect(still!.status).toBe("pending");
    expect(await db.select().from(notifications).where(eq(notifications.type, "lesson.approved"))).toHaveLength(0);
  });

  it("accepting a move onto a slot taken meanwhile answers with the conflict message and leaves the lesson in place", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const lesson = await insertLesson(connection, "2026-02-02T17:00:00Z", 45);
    const proposal = await proposeReschedule(
      actorOf(student),
      { lessonId: lesson.id, date: "2026-02-03", time: "17:00", timezone: "Europe/London" },
      NOW,
    );
    if (!proposal.ok) throw new Error(proposal.error);
    await insertLesson(connection, "2026-02-03T17:30:00Z", 30); // booked while the proposal waited
    expect(await approveReschedule(actorOf(teacher), { rescheduleId: proposal.data.rescheduleId }, NOW)).toEqual({
      ok: false,
      error: CONFLICT_MESSAGE,
    });
    const [unmoved] = await db.select().from(lessons).where(eq(lessons.id, lesson.id));
    expect(unmoved!.startsAt).toEqual(lesson.startsAt);
    const [pending] = await db.select().from(rescheduleRequests).where(eq(rescheduleRequests.id, proposal.data.rescheduleId));
    expect(pending!.status).toBe("pending");
  });
});
