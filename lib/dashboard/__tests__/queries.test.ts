import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { connections, lessonRequests, lessons, rescheduleRequests, users } from "@/db/schema";
import { DASHBOARD_LIST_LIMITS, getDashboard } from "@/lib/dashboard/queries";
import { getLessonsOverview } from "@/lib/scheduling/queries";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";

setupTestDatabase();

const now = new Date("2026-11-24T12:00:00Z");
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

async function studioWithLesson() {
  const pair = await createConnectedPair();
  await db.insert(lessons).values({
    connectionId: pair.connection.id,
    teacherId: pair.teacher.id,
    studentId: pair.student.id,
    startsAt: hoursFromNow(24),
    endsAt: hoursFromNow(25),
  });
  return pair;
}

describe("dashboard", () => {
  it("shows each party their shared lesson", async () => {
    const { teacher, student } = await studioWithLesson();
    const forTeacher = await getDashboard(teacher, now);
    expect(forTeacher.upcoming.map((lesson) => lesson.otherPartyName)).toEqual([student.name]);
    expect(forTeacher).toMatchObject({ connectionCount: 1, lessonsThisWeek: 1 });

    const forStudent = await getDashboard(student, now);
    expect(forStudent.upcoming.map((lesson) => lesson.otherPartyName)).toEqual([teacher.name]);
    expect(forStudent.connectionNames).toEqual([teacher.name]);
  });

  it("counts a long lesson already under way as upcoming (the index bound on the start keeps it)", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    await db.insert(lessons).values({
      connectionId: connection.id,
      teacherId: teacher.id,
      studentId: student.id,
      startsAt: hoursFromNow(-8),
      endsAt: now,
    });
    expect((await getDashboard(teacher, now)).upcoming).toHaveLength(1);
  });

  it("names the first connections alphabetically, up to the card's limit, and counts them all", async () => {
    const teacher = await createUser({ role: "teacher" });
    const limit = DASHBOARD_LIST_LIMITS.connectionNames;
    // Created in reverse, so the order shown is the query's, not the insertion's.
    const names = Array.from({ length: limit + 1 }, (_, index) => `Student ${String(index).padStart(2, "0")}`);
    for (const name of names.toReversed()) {
      const { student, connection } = await createConnectedPair();
      await db.update(connections).set({ teacherId: teacher.id }).where(eq(connections.id, connection.id));
      await db.update(users).set({ name }).where(eq(users.id, student.id));
    }
    expect(await getDashboard(teacher, now)).toMatchObject({ connectionNames: names.slice(0, limit), connectionCount: limit + 1 });
  });

  it("shows a stranger of either role nothing of it", async () => {
    await studioWithLesson();
    for (const stranger of [await createUser({ role: "teacher" }), await createUser({ role: "student" })]) {
      const view = await getDashboard(stranger, now);
      expect(view).toMatchObject({ upcoming: [], connectionCount: 0, connectionNames: [], lessonsThisWeek: 0 });
      expect(view.pending).toEqual({ requests: 0, moves: 0 });
      expect(view.toMark).toEqual({ items: [], total: 0 });
    }
  });

  it("hides everything once the connection has ended", async () => {
    const { teacher, student, connection } = await studioWithLesson();
    await db.update(connections).set({ status: "revoked", endedAt: now }).where(eq(connections.id, connection.id));
    for (const viewer of [teacher, student]) {
      expect(await getDashboard(viewer, now)).toMatchObject({ upcoming: [], connectionCount: 0, lessonsThisWeek: 0 });
    }
  });

  it("does not count the week's lessons of a connection that has ended", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const base = { connectionId: connection.id, teacherId: teacher.id, studentId: student.id };
    await db.insert(lessons).values({ ...base, startsAt: hoursFromNow(24), endsAt: hoursFromNow(25) });
    expect(await getDashboard(teacher, now)).toMatchObject({ lessonsThisWeek: 1 });
    await db.update(connections).set({ status: "revoked", endedAt: now }).where(eq(connections.id, connection.id));
    for (const viewer of [teacher, student]) {
      expect(await getDashboard(viewer, now)).toMatchObject({ lessonsThisWeek: 0 });
    }
  });

  it("counts the requests and moves the other side is waiting on, not the viewer's own", async () => {
    const { teacher, student, connection } = await studioWithLesson();
    const [lesson] = await db.select().from(lessons).where(eq(lessons.connectionId, connection.id));
    await db.insert(lessonRequests).values([
      { connectionId: connection.id, requestedById: student.id, startsAt: hoursFromNow(48), durationMinutes: 45, timezone: "UTC" },
      {
        connectionId: connection.id,
        requestedById: student.id,
        startsAt: hoursFromNow(72),
        durationMinutes: 45,
        timezone: "UTC",
        status: "declined",
      },
    ]);
    await db.insert(rescheduleRequests).values({
      lessonId: lesson!.id,
      proposedById: teacher.id,
      fromStartsAt: lesson!.startsAt,
      fromEndsAt: lesson!.endsAt,
      newStartsAt: hoursFromNow(30),
      newEndsAt: hoursFromNow(31),
    });
    expect((await getDashboard(teacher, now)).pending).toEqual({ requests: 1, moves: 0 });
    expect((await getDashboard(student, now)).pending).toEqual({ requests: 0, moves: 1 });
    await db.update(connections).set({ status: "revoked", endedAt: now }).where(eq(connections.id, connection.id));
    expect((await getDashboard(teacher, now)).pending).toEqual({ requests: 0, moves: 0 });
    expect((await getDashboard(student, now)).pending).toEqual({ requests: 0, moves: 0 });
  });

  it("asks the teacher for attendance of the last 30 days' lessons that took place, newest first, a few at a time", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const base = { connectionId: connection.id, teacherId: teacher.id, studentId: student.id };
    const past = (hours: number, extra: Partial<typeof lessons.$inferInsert> = {}) => ({
      ...base,
      startsAt: hoursFromNow(-hours),
      endsAt: hoursFromNow(-hours + 1),
      ...extra,
    });
    const [unmarkedOld, ...unmarkedRecent] = await db
      .insert(lessons)
      .values([past(24 * 29), ...Array.from({ length: DASHBOARD_LIST_LIMITS.lessonsToMark }, (_, index) => past(24 * (index + 1)))])
      .returning();
    await db.insert(lessons).values([
      past(24 * 31), // too long ago to ask
      past(12, { attendance: "present", status: "completed" }),
      past(36, { status: "cancelled", cancelledAt: now, cancelledById: student.id }),
      { ...base, startsAt: hoursFromNow(-0.5), endsAt: hoursFromNow(0.25) }, // under way
    ]);
    const { toMark } = await getDashboard(teacher, now);
    expect(toMark.total).toBe(DASHBOARD_LIST_LIMITS.lessonsToMark + 1);
    expect(toMark.items.map((lesson) => lesson.id)).toEqual(unmarkedRecent.map((lesson) => lesson.id));
    expect(toMark.items[0]!.otherPartyName).toBe(student.name);
    expect((await getDashboard(student, now)).toMark).toEqual({ items: [], total: 0 });

    // The lessons page lists all of them when asked for the unmarked ones, and only for a teacher.
    const unmarked = await getLessonsOverview(teacher, now, { unmarkedOnly: true });
    expect(unmarked.past.map((lesson) => lesson.id).sort()).toEqual([unmarkedOld!, ...unmarkedRecent].map((lesson) => lesson.id).sort());
  });
});
