import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { connections, emailOutbox, lessonRequests, lessons, lessonSeries, notifications, type Connection } from "@/db/schema";
import { settleBackgroundWork } from "@/lib/background";
import { setBookingMode } from "@/lib/connections";
import { REQUEST_NOTE_MAX_LENGTH } from "@/lib/scheduling/limits";
import { formatWeekdayTime } from "@/lib/time";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair } from "@/tests/factories";
import { actorOf, insertLesson, NOW, requestForm, schedulingSnapshot } from "@/tests/scheduling";
import { createCalendarEvent, requestLessons } from "..";

setupTestDatabase();

async function directPair() {
  const pair = await createConnectedPair();
  expect(await setBookingMode(pair.teacher, { connectionId: pair.connection.id, mode: "direct" })).toMatchObject({ ok: true });
  return pair;
}

const bookedNotices = (userId: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.type, "lesson.booked")));

const lessonsOf = (connection: Connection) =>
  db.select().from(lessons).where(eq(lessons.connectionId, connection.id)).orderBy(lessons.startsAt);

describe("booking directly", () => {
  it("books a teacher's series at once, keeps the request as answered history, and tells the student in-app and by email", async () => {
    const { teacher, student, connection } = await directPair();
    const note = "n".repeat(REQUEST_NOTE_MAX_LENGTH);
    const result = await requestLessons(
      actorOf(teacher),
      requestForm(connection, { date: "2026-03-09", time: "17:00", repeat: "weekly", occurrences: "6", note }),
      NOW,
    );
    expect(result).toMatchObject({ ok: true, message: "6 lessons booked." });

    const booked = await lessonsOf(connection);
    expect(booked.map((lesson) => formatWeekdayTime(lesson.startsAt, "Europe/London"))).toEqual(Array(6).fill("Mon 17:00"));
    const [series] = await db.select().from(lessonSeries).where(eq(lessonSeries.id, booked[0]!.seriesId!));
    expect(series).toMatchObject({ intervalWeeks: 1, localStartTime: "17:00:00", timezone: "Europe/London" });
    const [request] = await db.select().from(lessonRequests).where(eq(lessonRequests.connectionId, connection.id));
    expect(request).toMatchObject({ status: "approved", requestedById: teacher.id, respondedById: teacher.id, respondedAt: NOW, note });

    const [notice] = await bookedNotices(student.id);
    expect(notice).toMatchObject({ type: "lesson.booked", title: `${teacher.name} booked 6 weekly lessons`, link: "/lessons" });
    expect(notice!.body).toContain("First lesson");
    await settleBackgroundWork();
    const emails = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, student.email));
    expect(emails.map((email) => email.subject)).toContain(`${teacher.name} booked 6 weekly lessons`);
  });

  it("links a single booked lesson from the notice", async () => {
    const { teacher, student, connection } = await directPair();
    const result = await requestLessons(actorOf(teacher), requestForm(connection), NOW);
    expect(result).toMatchObject({ ok: true, message: "Lesson booked." });
    const [lesson] = await lessonsOf(connection);
    const [notice] = await bookedNotices(student.id);
    expect(notice).toMatchObject({ type: "lesson.booked", link: `/lessons/${lesson!.id}` });
  });

  it("refuses a booking with clashes and writes nothing, or leaves the clashing dates out when asked", async () => {
    const { teacher, student, connection } = await directPair();
    // The student's lesson with another teacher, on the series' second Monday.
    const other = await createConnectedPair();
    await db.update(connections).set({ studentId: student.id, invitedEmail: student.email }).where(eq(connections.id, other.connection.id));
    await insertLesson({ ...other.connection, studentId: student.id }, "2026-03-16T17:15:00Z");
    // The teacher's own event on the fourth Monday.
    expect(
      await createCalendarEvent(actorOf(teacher), {
        title: "Concert",
        startDate: "2026-03-30",
        startTime: "16:30",
        endDate: "2026-03-30",
        endTime: "18:00",
        timezone: "Europe/London",
      }),
    ).toMatchObject({ ok: true });

    const form = requestForm(connection, { date: "2026-03-09", repeat: "weekly", occurrences: "6" });
    const before = await schedulingSnapshot();
    const refused = await requestLessons(actorOf(teacher), form, NOW);
    expect(refused).toMatchObject({ ok: false });
    if (!refused.ok) expect(refused.error).toMatch(/^2 lessons clash with another lesson or event: .*16 Mar.*30 Mar/);
    expect(await schedulingSnapshot()).toBe(before);

    const booked = await requestLessons(actorOf(teacher), { ...form, skipClashes: "on" }, NOW);
    expect(booked).toMatchObject({ ok: true, message: "4 lessons booked. 2 clashing lessons left out." });
    const dates = (await lessonsOf(connection)).map((lesson) => lesson.startsAt.toISOString().slice(0, 10));
    expect(dates).toEqual(["2026-03-09", "2026-03-23", "2026-04-06", "2026-04-13"]);
  });

  it("leaves students' requests as requests, and a teacher's requests for a student on request mode", async () => {
    const { teacher, student, connection } = await directPair();
    expect(await requestLessons(actorOf(student), requestForm(connection), NOW)).toMatchObject({ ok: true, message: "Request sent." });
    const requestPair = await createConnectedPair();
    expect(await requestLessons(actorOf(requestPair.teacher), requestForm(requestPair.connection), NOW)).toMatchObject({
      ok: true,
      message: "Request sent.",
    });
    expect(await lessonsOf(connection)).toHaveLength(0);
    expect(await lessonsOf(requestPair.connection)).toHaveLength(0);
    const pending = await db
      .select()
      .from(lessonRequests)
      .where(and(eq(lessonRequests.status, "pending"), eq(lessonRequests.requestedById, student.id)));
    expect(pending).toHaveLength(1);
    expect(teacher.id).not.toBe(requestPair.teacher.id);
  });

  it("tells the student when their teacher changes how lessons are booked, and only on a change", async () => {
    const { teacher, student, connection } = await directPair();
    expect(await setBookingMode(teacher, { connectionId: connection.id, mode: "direct" })).toMatchObject({ ok: true });
    expect(await setBookingMode(teacher, { connectionId: connection.id, mode: "request" })).toMatchObject({ ok: true });
    expect(await setBookingMode(teacher, { connectionId: connection.id, mode: "always" })).toMatchObject({
      ok: false,
      fieldErrors: { mode: "Choose whether you book lessons directly or send requests." },
    });
    const notices = await db.select().from(notifications).where(eq(notifications.userId, student.id)).orderBy(notifications.createdAt);
    expect(notices.map((notice) => notice.title)).toEqual([
      `${teacher.name} now books your lessons directly`,
      `${teacher.name} now sends lessons for you to approve`,
    ]);
  });
});
