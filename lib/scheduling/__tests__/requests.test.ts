import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { calendarEvents, connections, emailOutbox, lessonRequests, lessons, lessonSeries, notifications } from "@/db/schema";
import { settleBackgroundWork } from "@/lib/background";
import { formatWeekdayTime } from "@/lib/time";
import { createConnectedPair, createUser } from "@/tests/factories";
import { setupTestDatabase, testDatabaseUrl } from "@/tests/database";
import { actorOf, insertLesson, NOW, requestForm } from "@/tests/scheduling";
import {
  approveLessonRequest,
  approveReschedule,
  createCalendarEvent,
  declineLessonRequest,
  previewLessonRequest,
  proposeReschedule,
  requestLessons,
  withdrawLessonRequest,
} from "..";
import { CONFLICT_MESSAGE, lockSchedules } from "../conflicts";

setupTestDatabase();

async function requested(actor: ReturnType<typeof actorOf>, form: Record<string, unknown>) {
  const result = await requestLessons(actor, form, NOW);
  if (!result.ok) throw new Error(`request refused: ${result.error} ${JSON.stringify(result.fieldErrors)}`);
  return result.data.requestId;
}

describe("requesting lessons", () => {
  it("refuses the past, absurd lengths, the far future and over-long series with field errors", async () => {
    const { student, connection } = await createConnectedPair();
    const cases: [Record<string, unknown>, string][] = [
      [{ date: "2026-01-05", time: "11:00" }, "date"],
      [{ durationMinutes: "0" }, "durationMinutes"],
      [{ durationMinutes: "600" }, "durationMinutes"],
      [{ durationMinutes: "abc" }, "durationMinutes"],
      [{ date: "2027-02-01" }, "date"],
      [{ date: "2026-02-30" }, "date"],
      [{ repeat: "weekly", occurrences: "53" }, "occurrences"],
      [{ repeat: "weekly", untilDate: "2027-01-30" }, "untilDate"],
      [{ repeat: "weekly", untilDate: "2026-02-03" }, "untilDate"],
      [{ repeat: "weekly", occurrences: "40", untilDate: "2026-05-01" }, "occurrences"],
      [{ repeat: "weekly" }, "occurrences"],
      [{ date: "2026-12-01", repeat: "fortnightly", occurrences: "20" }, "occurrences"],
      [{ timezone: "Mars/Olympus" }, "timezone"],
      [{ note: "x".repeat(2001) }, "note"],
      [{ teacherId: student.id }, "form"],
    ];
    for (const [overrides, field] of cases) {
      const result = await requestLessons(actorOf(student), requestForm(connection, overrides), NOW);
      expect(result.ok, JSON.stringify(overrides)).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}), JSON.stringify(overrides)).toContain(field);
    }
    expect(await db.select().from(lessonRequests).where(eq(lessonRequests.connectionId, connection.id))).toHaveLength(0);
  });

  it("says in the confirmation what a clock change made of the time typed", async () => {
    const { student, connection } = await createConnectedPair();
    // 29 March 2026: London's clocks go forward at 01:00, so 01:30 does not exist.
    const skipped = await requestLessons(actorOf(student), requestForm(connection, { date: "2026-03-29", time: "01:30" }), NOW);
    expect(skipped).toMatchObject({
      ok: true,
      message: "Request sent. Clocks go forward that night, so 01:30 does not exist in London: it will be 02:30.",
    });
    const [stored] = await db.select().from(lessonRequests).where(eq(lessonRequests.connectionId, connection.id));
    expect(stored!.startsAt.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    const plain = await requestLessons(actorOf(student), requestForm(connection, { date: "2026-02-09" }), NOW);
    expect(plain).toMatchObject({ ok: true, message: "Request sent." });
    // The same for a proposed move: 25 October 2026, 01:30 happens twice in London.
    const lesson = await insertLesson(connection, "2026-02-10T17:00:00Z", 45);
    const move = await proposeReschedule(
      actorOf(student),
      { lessonId: lesson.id, date: "2026-10-25", time: "01:30", timezone: "Europe/London" },
      NOW,
    );
    expect(move).toMatchObject({
      ok: true,
      message: "Proposal sent. Clocks go back that night, so 01:30 happens twice in London: this is the first, GMT+1.",
    });
  });

  it("takes an event typed across a spring-forward gap as beginning when the clocks jump", async () => {
    const teacher = await createUser({ role: "teacher" });
    const event = await createCalendarEvent(actorOf(teacher), {
      title: "Night shift at the radio",
      startDate: "2026-03-29",
      startTime: "01:30",
      endDate: "2026-03-29",
      endTime: "02:15",
      timezone: "Europe/London",
    });
    expect(event).toMatchObject({ ok: true });
    const [row] = await db.select().from(calendarEvents).where(eq(calendarEvents.ownerId, teacher.id));
    // 01:00 GMT is when London's clocks read 02:00; 02:15 BST is 01:15 GMT.
    expect([row!.startsAt.toISOString(), row!.endsAt.toISOString()]).toEqual(["2026-03-29T01:00:00.000Z", "2026-03-29T01:15:00.000Z"]);
  });

  it("stores a pending request in the requester's zone and tells the other party in-app and by email", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const requestId = await requested(
      actorOf(student),
      requestForm(connection, {
        timezone: "America/New_York",
        time: "12:00",
        repeat: "weekly",
        occurrences: "6",
        note: "Scales; arpeggios, <b>please</b>",
      }),
    );
    const [request] = await db.select().from(lessonRequests).where(eq(lessonRequests.id, requestId));
    expect(request).toMatchObject({
      status: "pending",
      timezone: "America/New_York",
      intervalWeeks: 1,
      occurrences: 6,
      note: "Scales; arpeggios, <b>please</b>",
    });
    expect(request!.startsAt.toISOString()).toBe("2026-02-02T17:00:00.000Z");
    const [notice] = await db.select().from(notifications).where(eq(notifications.userId, teacher.id));
    expect(notice).toMatchObject({ type: "lesson.requested", link: "/lessons" });
    expect(notice!.title).toContain("6 weekly lessons");
    await settleBackgroundWork();
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, teacher.email))).toHaveLength(1);
  });
});

describe("approving", () => {
  it("creates every lesson of a series in one go, all at the teacher's wall time", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    // The student is in New York; the teacher's studio clock is London's.
    const requestId = await requested(
      actorOf(student),
      requestForm(connection, { timezone: "America/New_York", date: "2026-03-09", time: "13:00", repeat: "weekly", occurrences: "6" }),
    );
    const result = await approveLessonRequest(actorOf(teacher), { requestId }, NOW);
    expect(result).toMatchObject({ ok: true, message: "6 lessons booked." });
    const booked = await db.select().from(lessons).where(eq(lessons.connectionId, connection.id)).orderBy(lessons.startsAt);
    expect(booked.map((lesson) => formatWeekdayTime(lesson.startsAt, "Europe/London"))).toEqual(Array(6).fill("Mon 17:00"));
    expect(new Set(booked.map((lesson) => lesson.seriesId)).size).toBe(1);
    const [series] = await db.select().from(lessonSeries).where(eq(lessonSeries.id, booked[0]!.seriesId!));
    expect(series).toMatchObject({ timezone: "Europe/London", localStartTime: "17:00:00", intervalWeeks: 1 });
    const [request] = await db.select().from(lessonRequests).where(eq(lessonRequests.id, requestId));
    expect(request).toMatchObject({ status: "approved", respondedById: teacher.id });
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, student.id), eq(notifications.type, "lesson.approved"))),
    ).toHaveLength(1);
    expect(await approveLessonRequest(actorOf(teacher), { requestId }, NOW)).toMatchObject({ ok: false });
  });

  it("lists clashes with either party's lessons and the approver's own events, and books only after they are skipped", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const otherStudent = await createUser();
    // The teacher already teaches someone else in week 2; the teacher has a personal event in week 4.
    const { connection: busyConnection } = await connectTeacherTo(teacher.id, otherStudent.id);
    await insertLesson(busyConnection, "2026-02-09T17:30:00Z", 60);
    const event = await createCalendarEvent(actorOf(teacher), {
      title: "Dentist",
      timezone: "Europe/London",
      startDate: "2026-02-23",
      startTime: "16:30",
      endDate: "2026-02-23",
      endTime: "17:15",
    });
    expect(event.ok).toBe(true);

    const requestId = await requested(actorOf(student), requestForm(connection, { repeat: "weekly", occurrences: "4" }));
    const preview = await previewLessonRequest(actorOf(teacher), { requestId }, NOW);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.data.occurrences.map((o) => o.clash?.with ?? null)).toEqual([null, "you", null, "your event"]);
    // The student, who made the request, never sees the teacher's events.
    const studentPreview = await previewLessonRequest(actorOf(student), { requestId }, NOW);
    expect(studentPreview.ok && studentPreview.data.occurrences.map((o) => o.clash?.with ?? null)).toEqual([
      null,
      "other party",
      null,
      null,
    ]);

    const refused = await approveLessonRequest(actorOf(teacher), { requestId }, NOW);
    expect(refused).toMatchObject({ ok: false });
    if (!refused.ok) expect(refused.error).toContain("One lesson clashes");
    expect(await db.select().from(lessons).where(eq(lessons.connectionId, connection.id))).toHaveLength(0);

    const clashing = preview.data.occurrences[1]!.startsAt.toISOString();
    const approved = await approveLessonRequest(actorOf(teacher), { requestId, skip: [clashing] }, NOW);
    expect(approved).toMatchObject({ ok: true, message: "3 lessons booked." });
  });
});

async function connectTeacherTo(teacherId: string, studentId: string) {
  const [connection] = await db
    .insert(connections)
    .values({ teacherId, studentId, invitedEmail: `${studentId}@example.test`, status: "accepted" })
    .returning();
  return { connection: connection! };
}

describe("concurrent bookings of one slot", () => {
  it("20 approvals racing for one teacher slot: exactly one wins, the rest get a conflict and nothing half-created", async () => {
    const teacher = await createUser({ role: "teacher" });
    const requests = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const student = await createUser();
        const { connection } = await connectTeacherTo(teacher.id, student.id);
        // Each is a 3-week series; they overlap the others only partly (different minutes, same first slot).
        const requestId = await requested(
          actorOf(student),
          requestForm(connection, { time: `17:${String(index).padStart(2, "0")}`, repeat: "weekly", occurrences: "3" }),
        );
        return { requestId, connection };
      }),
    );
    const results = await Promise.all(requests.map(({ requestId }) => approveLessonRequest(actorOf(teacher), { requestId }, NOW)));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    for (const result of results.filter((r) => !r.ok)) {
      expect(result.ok === false && result.error).toMatch(/clash|already booked/);
      expect(result).not.toHaveProperty("data");
    }
    const booked = await db.select().from(lessons).where(eq(lessons.teacherId, teacher.id));
    expect(booked).toHaveLength(3);
    const pending = await db.select().from(lessonRequests).where(eq(lessonRequests.status, "pending"));
    expect(pending.filter((row) => requests.some((r) => r.requestId === row.id))).toHaveLength(19);
    // Losers told nobody anything.
    const approvals = await db.select().from(notifications).where(eq(notifications.type, "lesson.approved"));
    expect(approvals.filter((row) => requests.some((r) => r.connection.studentId === row.userId))).toHaveLength(1);
  });
});

// Real waits, deadlocks and serialization failures need real concurrent transactions: PostgreSQL only.
it.skipIf(!testDatabaseUrl)(
  "30 approvals and 30 reschedules racing for one teacher's slots, five rounds: one winner each, zero exceptions",
  { timeout: 300_000 },
  async () => {
    for (let round = 0; round < 5; round++) {
      const teacher = await createUser({ role: "teacher" });
      const day = `2026-02-${String(2 + round).padStart(2, "0")}`;
      const pairs = await Promise.all(
        Array.from({ length: 30 }, async (_, index) => {
          const student = await createUser();
          const { connection } = await connectTeacherTo(teacher.id, student.id);
          // Approvals race for 17:00–17:45; reschedules move each student's morning lesson to 18:00.
          const requestId = await requested(
            actorOf(student),
            requestForm(connection, { date: day, time: `17:${String(index).padStart(2, "0")}` }),
          );
          const lesson = await insertLesson(
            connection,
            `${day}T${String(6 + Math.floor(index / 4)).padStart(2, "0")}:${String((index % 4) * 15).padStart(2, "0")}:00Z`,
            15,
          );
          const proposal = await proposeReschedule(
            actorOf(student),
            { lessonId: lesson.id, date: day, time: "18:00", timezone: "Europe/London" },
            NOW,
          );
          if (!proposal.ok) throw new Error(`proposal refused: ${proposal.error}`);
          return { requestId, rescheduleId: proposal.data.rescheduleId };
        }),
      );
      const settled = await Promise.allSettled(
        pairs.flatMap(({ requestId, rescheduleId }) => [
          approveLessonRequest(actorOf(teacher), { requestId }, NOW),
          approveReschedule(actorOf(teacher), { rescheduleId }, NOW),
        ]),
      );
      const thrown = settled.filter((outcome) => outcome.status === "rejected");
      expect(
        thrown.map((outcome) => String((outcome as PromiseRejectedResult).reason)),
        `round ${round}`,
      ).toEqual([]);
      const answers = settled.map((outcome) => (outcome as PromiseFulfilledResult<{ ok: boolean }>).value);
      const approvals = answers.filter((_, index) => index % 2 === 0);
      const moves = answers.filter((_, index) => index % 2 === 1);
      expect(
        approvals.filter((answer) => answer.ok),
        `round ${round}`,
      ).toHaveLength(1);
      expect(
        moves.filter((answer) => answer.ok),
        `round ${round}`,
      ).toHaveLength(1);
    }
  },
);

// PGlite serves one connection, so a second transaction cannot wait beside the first there.
it.skipIf(!testDatabaseUrl)("a booking waits for one in progress on the same schedule, then answers with the clash it sees", async () => {
  const { teacher, student, connection } = await createConnectedPair();
  const other = await createUser();
  const { connection: otherConnection } = await connectTeacherTo(teacher.id, other.id);
  const requestId = await requested(actorOf(student), requestForm(connection));
  let letGo!: () => void;
  const heldUntil = new Promise<void>((resolve) => (letGo = resolve));
  let holding!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const first = db.transaction(async (tx) => {
    await lockSchedules(tx, [teacher.id]);
    holding();
    await heldUntil;
    await tx.insert(lessons).values({
      connectionId: otherConnection.id,
      teacherId: teacher.id,
      studentId: other.id,
      startsAt: new Date("2026-02-02T17:15:00Z"),
      endsAt: new Date("2026-02-02T18:00:00Z"),
    });
  });
  await held;
  const second = approveLessonRequest(actorOf(teacher), { requestId }, NOW);
  // A limit for a busy machine, not a wait: the poll ends as soon as the approval queues behind the lock.
  await expect
    .poll(
      async () => {
        const waiting = await db.execute(sql`select 1 from pg_locks where locktype = 'advisory' and not granted`);
        return (waiting as unknown as { rows: unknown[] }).rows.length;
      },
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
  letGo();
  await first;
  const result = await second;
  expect(result.ok).toBe(false);
  // The clash check's own answer, naming the time, not the exclusion constraint's last-resort one.
  expect(!result.ok && result.error).toMatch(/clash/);
  expect(!result.ok && result.error).not.toBe(CONFLICT_MESSAGE);
  expect(await db.select().from(lessons).where(eq(lessons.connectionId, connection.id))).toHaveLength(0);
});

describe("declining and withdrawing", () => {
  it("the other side declines with a reason; the requester is told", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const requestId = await requested(actorOf(teacher), requestForm(connection));
    expect(await declineLessonRequest(actorOf(student), { requestId, reason: "Exam week" }, NOW)).toMatchObject({ ok: true });
    const [request] = await db.select().from(lessonRequests).where(eq(lessonRequests.id, requestId));
    expect(request).toMatchObject({ status: "declined", responseReason: "Exam week", respondedById: student.id });
    const [notice] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, teacher.id), eq(notifications.type, "lesson.declined")));
    expect(notice!.body).toContain("Exam week");
    expect(await withdrawLessonRequest(actorOf(teacher), { requestId }, NOW)).toMatchObject({ ok: false });
  });

  it("the requester withdraws a pending request; it can no longer be approved", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const requestId = await requested(actorOf(student), requestForm(connection));
    expect(await withdrawLessonRequest(actorOf(student), { requestId }, NOW)).toMatchObject({ ok: true });
    expect(await approveLessonRequest(actorOf(teacher), { requestId }, NOW)).toMatchObject({ ok: false });
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, teacher.id), eq(notifications.type, "lesson.withdrawn"))),
    ).toHaveLength(1);
  });
});
