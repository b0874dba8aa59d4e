import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { connections, lessonRequests, lessons, notifications, type User } from "@/db/schema";
import { setBookingMode } from "@/lib/connections";
import { formatWeekdayTime } from "@/lib/time";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";
import { insertLesson, NOW, schedulingSnapshot } from "@/tests/scheduling";
import { bookTerm, previewTerm } from "..";
import { NOT_FOUND } from "../answers";

setupTestDatabase();

/** A London teacher with three students: Ada and Ben booked directly, Cleo on requests. */
async function studio() {
  const teacher = await createUser({ role: "teacher", timezone: "Europe/London" });
  const students: User[] = [];
  const ids: string[] = [];
  for (const name of ["Ada", "Ben", "Cleo"]) {
    const student = await createUser({ role: "student", name });
    const [connection] = await db
      .insert(connections)
      .values({ teacherId: teacher.id, studentId: student.id, invitedEmail: student.email, status: "accepted", respondedAt: NOW })
      .returning();
    students.push(student);
    ids.push(connection!.id);
  }
  for (const connectionId of ids.slice(0, 2)) await setBookingMode(teacher, { connectionId, mode: "direct" });
  return { teacher, students, ids };
}

// Monday 12 January to Sunday 12 April 2026: 13 weeks, across the UK's change to summer time on 29 March.
const TERM = { timezone: "Europe/London", startDate: "2026-01-12", endDate: "2026-04-12" };

const lessonsFor = (studentId: string) => db.select().from(lessons).where(eq(lessons.studentId, studentId)).orderBy(lessons.startsAt);

describe("booking a term", () => {
  it("previews every student's weekly lessons with clashes against lessons, events and each other", async () => {
    const { teacher, students, ids } = await studio();
    // Ben has a lesson with another teacher on the second Tuesday, 17:00 London.
    const other = await createConnectedPair();
    await db.update(connections).set({ studentId: students[1]!.id }).where(eq(connections.id, other.connection.id));
    await insertLesson({ ...other.connection, studentId: students[1]!.id }, "2026-01-20T17:15:00Z");
    const preview = await previewTerm(
      teacher,
      {
        ...TERM,
        students: [
          { connectionId: ids[0], weekday: 1, time: "16:00", durationMinutes: "45" },
          { connectionId: ids[1], weekday: "2", time: "17:00", durationMinutes: 30 },
          { connectionId: ids[2], weekday: 1, time: "16:30", durationMinutes: 45 },
        ],
      },
      NOW,
    );
    expect(preview).toMatchObject({ ok: true });
    if (!preview.ok) return;
    const [ada, ben, cleo] = preview.data.rows;
    expect(ada).toMatchObject({ studentName: "Ada", bookingMode: "direct" });
    expect(ada!.occurrences).toHaveLength(13);
    expect(ada!.occurrences.every((o) => o.clash === null && formatWeekdayTime(o.startsAt, "Europe/London") === "Mon 16:00")).toBe(true);
    expect(ben!.occurrences.filter((o) => o.clash).map((o) => o.startsAt.toISOString())).toEqual(["2026-01-20T17:00:00.000Z"]);
    expect(ben!.occurrences.find((o) => o.clash)!.clash!.with).toBe("other party");
    // Cleo's 16:30 overlaps Ada's 16:00–16:45 every Monday: the teacher cannot teach both.
    expect(cleo).toMatchObject({ studentName: "Cleo", bookingMode: "request" });
    expect(cleo!.occurrences.every((o) => o.clash?.with === "you")).toBe(true);
  });

  it("refuses a term with clashes and writes nothing, then books it without them in one go", async () => {
    const { teacher, students, ids } = await studio();
    const [benConnection] = await db.select().from(connections).where(eq(connections.id, ids[1]!));
    await insertLesson(benConnection!, "2026-02-03T17:00:00Z", 30);
    const form = {
      ...TERM,
      location: "Studio 1",
      students: [
        { connectionId: ids[0], weekday: 1, time: "16:00", durationMinutes: 45 },
        { connectionId: ids[1], weekday: 2, time: "17:00", durationMinutes: 30 },
        { connectionId: ids[2], weekday: 1, time: "17:00", durationMinutes: 45 },
      ],
    };
    const before = await schedulingSnapshot();
    const refused = await bookTerm(teacher, form, NOW);
    expect(refused).toMatchObject({ ok: false });
    if (!refused.ok) expect(refused.error).toMatch(/^Some lessons clash with another lesson or event \(Ben: Tue 3 Feb/);
    expect(await schedulingSnapshot()).toBe(before);

    const booked = await bookTerm(teacher, { ...form, skipClashes: "on" }, NOW);
    expect(booked).toMatchObject({
      ok: true,
      message: "25 lessons booked, 1 request sent, 1 clashing lesson left out.",
      data: { lessons: 25, requests: 1, skipped: 1 },
    });
    const ada = await lessonsFor(students[0]!.id);
    expect(ada).toHaveLength(13);
    // Summer time starts on 29 March; the lessons stay at 16:00 London.
    expect(new Set(ada.map((lesson) => formatWeekdayTime(lesson.startsAt, "Europe/London")))).toEqual(new Set(["Mon 16:00"]));
    expect(ada[0]!.location).toBe("Studio 1");
    expect(await lessonsFor(students[1]!.id)).toHaveLength(13); // 12 booked now, plus the one set up before
    expect(await lessonsFor(students[2]!.id)).toHaveLength(0);
    const [cleoRequest] = await db.select().from(lessonRequests).where(eq(lessonRequests.connectionId, ids[2]!));
    expect(cleoRequest).toMatchObject({ status: "pending", intervalWeeks: 1, untilDate: "2026-04-12", requestedById: teacher.id });

    const noticesOf = async (user: User) =>
      (
        await db
          .select()
          .from(notifications)
          .where(and(eq(notifications.userId, user.id)))
      ).map((notice) => notice.title);
    expect(await noticesOf(students[0]!)).toContain(`${teacher.name} booked 13 weekly lessons`);
    expect(await noticesOf(students[1]!)).toContain(`${teacher.name} booked 12 weekly lessons`);
    expect(await noticesOf(students[2]!)).toContain(`${teacher.name} asked for 13 weekly lessons`);
  });

  it("is the teacher's alone, for their accepted students only", async () => {
    const { teacher, students, ids } = await studio();
    const stranger = await createConnectedPair();
    const slot = { weekday: 1, time: "16:00", durationMinutes: 45 };
    const before = await schedulingSnapshot();
    const attempts = [
      bookTerm(students[0]!, { ...TERM, students: [{ connectionId: ids[0], ...slot }] }, NOW),
      bookTerm(stranger.teacher, { ...TERM, students: [{ connectionId: ids[0], ...slot }] }, NOW),
      bookTerm(
        teacher,
        {
          ...TERM,
          students: [
            { connectionId: ids[0], ...slot },
            { connectionId: stranger.connection.id, ...slot },
          ],
        },
        NOW,
      ),
      previewTerm(stranger.teacher, { ...TERM, students: [{ connectionId: ids[0], ...slot }] }, NOW),
    ];
    for (const attempt of await Promise.all(attempts)) expect(attempt).toEqual(NOT_FOUND);
    await db.update(connections).set({ status: "revoked" }).where(eq(connections.id, ids[1]!));
    expect(await bookTerm(teacher, { ...TERM, students: [{ connectionId: ids[1], ...slot }] }, NOW)).toEqual(NOT_FOUND);
    expect(await schedulingSnapshot()).toBe(before);
  });

  it("answers impossible terms with field errors", async () => {
    const { teacher, ids } = await studio();
    const slot = { connectionId: ids[0], weekday: 1, time: "16:00", durationMinutes: 45 };
    const cases: [Record<string, unknown>, string][] = [
      [{ endDate: "2026-01-01" }, "endDate"],
      [{ startDate: "2026-02-30" }, "startDate"],
      [{ students: [] }, "students"],
      [{ students: [slot, slot] }, "students"],
      [{ students: [{ ...slot, weekday: 8 }] }, "students"],
      [{ students: [{ ...slot, durationMinutes: 600 }] }, "students"],
      [{ students: Array.from({ length: 61 }, () => slot) }, "students"],
      [{ timezone: "Mars/Olympus" }, "timezone"],
      [{ endDate: "2027-02-01" }, "endDate"],
    ];
    for (const [overrides, field] of cases) {
      const result = await bookTerm(teacher, { ...TERM, students: [slot], ...overrides }, NOW);
      expect(result.ok, JSON.stringify(overrides).slice(0, 80)).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}).join(","), JSON.stringify(overrides).slice(0, 80)).toContain(field);
    }
  });
});
