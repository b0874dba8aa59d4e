import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { assignments, attendanceValues, connections, lessons, practiceEntries, type User } from "@/db/schema";
import { attendanceRate, onTimeRate, parseStatisticsPeriod, studioStatistics, type AttendanceCounts } from "@/lib/dashboard/statistics";
import { DAY, WEEK, zonedToUtc } from "@/lib/time";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";

setupTestDatabase();

const NOW = new Date("2026-11-30T12:00:00Z");
const STUDENTS = 60;

/** A small deterministic generator, so the studio is the same on every run and any failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

type LessonRow = typeof lessons.$inferInsert;

async function buildStudio() {
  const next = random(42);
  const teacher = await createUser({ role: "teacher", timezone: "Europe/London" });
  const students: User[] = [];
  const connectionIds: string[] = [];
  for (let index = 0; index < STUDENTS; index++) {
    const student = await createUser({ role: "student", name: `Student ${String(index).padStart(2, "0")}` });
    const [connection] = await db
      .insert(connections)
      .values({ teacherId: teacher.id, studentId: student.id, invitedEmail: student.email, status: "accepted", respondedAt: NOW })
      .returning();
    students.push(student);
    connectionIds.push(connection!.id);
  }
  const rows: LessonRow[] = [];
  const practice: (typeof practiceEntries.$inferInsert)[] = [];
  const work: (typeof assignments.$inferInsert)[] = [];
  // 54 weeks back, so the oldest lessons fall outside even the 52-week period; one slot per student (weekday × hour, UTC).
  const firstMonday = new Date("2025-11-24T00:00:00Z").getTime() - WEEK;
  for (let week = 0; week < 55; week++) {
    for (let index = 0; index < STUDENTS; index++) {
      const startsAt = new Date(firstMonday + week * WEEK + (index % 5) * DAY + (9 + Math.floor(index / 5)) * 3_600_000);
      const roll = next();
      const cancelled = roll < 0.08;
      const byTeacher = roll < 0.03;
      const attendance = cancelled || roll > 0.9 ? null : attendanceValues[Math.floor(next() * attendanceValues.length)]!;
      rows.push({
        connectionId: connectionIds[index]!,
        teacherId: teacher.id,
        studentId: students[index]!.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 45 * 60_000),
        status: cancelled ? "cancelled" : "scheduled",
        cancelledAt: cancelled ? startsAt : null,
        cancelledById: cancelled ? (byTeacher ? teacher.id : students[index]!.id) : null,
        attendance,
      });
      if (next() < 0.3) {
        // Due a day or two after the lesson: done early, done late, never done, or (a few) due later than now.
        const dueAt = new Date(startsAt.getTime() + (1 + Math.floor(next() * 2)) * DAY);
        const outcome = next();
        const completedAt = outcome < 0.5 ? new Date(dueAt.getTime() - 3_600_000) : outcome < 0.8 ? new Date(dueAt.getTime() + DAY) : null;
        work.push({ connectionId: connectionIds[index]!, title: `Week ${week}`, dueAt, completedAt });
      }
      if (next() < 0.5) {
        practice.push({
          connectionId: connectionIds[index]!,
          practicedOn: startsAt.toISOString().slice(0, 10),
          minutes: 5 + Math.floor(next() * 60),
        });
      }
    }
  }
  for (let offset = 0; offset < rows.length; offset += 1000) await db.insert(lessons).values(rows.slice(offset, offset + 1000));
  for (let offset = 0; offset < practice.length; offset += 1000)
    await db.insert(practiceEntries).values(practice.slice(offset, offset + 1000));
  for (let offset = 0; offset < work.length; offset += 1000) await db.insert(assignments).values(work.slice(offset, offset + 1000));
  return { teacher, students, connectionIds, rows, practice, work };
}

const mondayOf = (instant: Date) => {
  const day = new Date(instant.toISOString().slice(0, 10));
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
};

/** The same figures the straightforward way, from the rows in memory. */
function reference(studio: Awaited<ReturnType<typeof buildStudio>>, weeks: number) {
  // The period starts at midnight in London on the Monday `weeks - 1` weeks before this one (NOW is a Monday).
  const firstDay = new Date(NOW.getTime() - (weeks - 1) * WEEK).toISOString().slice(0, 10);
  const [year, month, day] = firstDay.split("-").map(Number) as [number, number, number];
  const start = zonedToUtc({ year, month, day, hour: 0, minute: 0 }, "Europe/London").getTime();
  const weekList = Array.from({ length: weeks }, (_, index) => new Date(Date.parse(firstDay) + index * WEEK).toISOString().slice(0, 10));
  const inPeriod = studio.rows.filter((row) => row.startsAt!.getTime() >= start && row.startsAt!.getTime() < NOW.getTime());
  const practiceInPeriod = studio.practice.filter((entry) => entry.practicedOn >= firstDay);
  const dueInPeriod = studio.work.filter((item) => item.dueAt!.getTime() >= start && item.dueAt!.getTime() <= NOW.getTime());
  // Lessons are 09:00–20:45 UTC, the same calendar day in London all year.
  const held = inPeriod.filter((row) => row.status !== "cancelled");
  const attendanceOf = (subset: LessonRow[]): AttendanceCounts => ({
    present: subset.filter((row) => row.attendance === "present").length,
    late: subset.filter((row) => row.attendance === "late").length,
    absent: subset.filter((row) => row.attendance === "absent").length,
    excused: subset.filter((row) => row.attendance === "excused").length,
  });
  const assignmentsOf = (subset: typeof studio.work) => ({
    onTime: subset.filter((item) => item.completedAt && item.completedAt <= item.dueAt!).length,
    late: subset.filter((item) => item.completedAt && item.completedAt > item.dueAt!).length,
    notDone: subset.filter((item) => !item.completedAt).length,
  });
  const cancelled = (subset: LessonRow[], by: (row: LessonRow) => string) =>
    subset.filter((row) => row.status === "cancelled" && row.cancelledById === by(row)).length;
  return {
    firstDay,
    lessonsPerWeek: weekList.map((weekOf) => ({ weekOf, lessons: held.filter((row) => mondayOf(row.startsAt!) === weekOf).length })),
    practicePerWeek: weekList.map((weekOf) => ({
      weekOf,
      minutes: practiceInPeriod
        .filter((entry) => mondayOf(new Date(entry.practicedOn)) === weekOf)
        .reduce((sum, entry) => sum + entry.minutes, 0),
    })),
    attendance: attendanceOf(inPeriod),
    cancellations: { byTeacher: cancelled(inPeriod, (row) => row.teacherId), byStudent: cancelled(inPeriod, (row) => row.studentId!) },
    assignments: assignmentsOf(dueInPeriod),
    perPerson: studio.students.map((student, index) => {
      const lessonsOfStudent = inPeriod.filter((row) => row.studentId === student.id);
      const connectionId = studio.connectionIds[index]!;
      return {
        connectionId,
        name: student.name,
        lessons: lessonsOfStudent.filter((row) => row.status !== "cancelled").length,
        attendance: attendanceOf(lessonsOfStudent),
        cancelledByTeacher: cancelled(lessonsOfStudent, (row) => row.teacherId),
        cancelledByStudent: cancelled(lessonsOfStudent, (row) => row.studentId!),
        practiceMinutes: practiceInPeriod
          .filter((entry) => entry.connectionId === connectionId)
          .reduce((sum, entry) => sum + entry.minutes, 0),
        assignments: assignmentsOf(dueInPeriod.filter((item) => item.connectionId === connectionId)),
      };
    }),
  };
}

describe("studio statistics", () => {
  it("match a straightforward computation over a year of a 60-student studio, for 4, 12 and 52 weeks", { timeout: 120_000 }, async () => {
    const studio = await buildStudio();
    for (const weeks of [4, 12, 52] as const) {
      const statistics = await studioStatistics(studio.teacher, "Europe/London", weeks, NOW);
      expect(statistics).toEqual({ weeks, ...reference(studio, weeks) });
    }
    const year = await studioStatistics(studio.teacher, "Europe/London", 52, NOW);
    expect(year.lessonsPerWeek).toHaveLength(52);
    expect(year.lessonsPerWeek.every((week) => week.lessons > 0)).toBe(true);
    expect(year.assignments.late).toBeGreaterThan(0);
    expect(attendanceRate(year.attendance)).toBeGreaterThan(0);
    expect(onTimeRate(year.assignments)).toBeGreaterThan(0);
  });

  it("show a student only their own lessons, practice and assignments, and a stranger nothing", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    await db.insert(lessons).values({
      connectionId: connection.id,
      teacherId: teacher.id,
      studentId: student.id,
      startsAt: new Date("2026-11-23T17:00:00Z"),
      endsAt: new Date("2026-11-23T17:45:00Z"),
      attendance: "late",
    });
    await db.insert(practiceEntries).values({ connectionId: connection.id, practicedOn: "2026-11-25", minutes: 40 });
    await db.insert(assignments).values([
      {
        connectionId: connection.id,
        title: "Scales",
        dueAt: new Date("2026-11-27T18:00:00Z"),
        completedAt: new Date("2026-11-27T09:00:00Z"),
      },
      { connectionId: connection.id, title: "Not due yet", dueAt: new Date("2026-12-04T18:00:00Z") },
    ]);
    const mine = await studioStatistics(student, "Europe/London", 4, NOW);
    expect(mine.perPerson).toEqual([
      {
        connectionId: connection.id,
        name: teacher.name,
        lessons: 1,
        attendance: { present: 0, late: 1, absent: 0, excused: 0 },
        cancelledByTeacher: 0,
        cancelledByStudent: 0,
        practiceMinutes: 40,
        assignments: { onTime: 1, late: 0, notDone: 0 },
      },
    ]);
    expect(mine.practicePerWeek.at(-2)).toEqual({ weekOf: "2026-11-23", minutes: 40 });

    const stranger = await createConnectedPair();
    const theirs = await studioStatistics(stranger.teacher, "Europe/London", 52, NOW);
    expect(theirs.perPerson).toEqual([]);
    expect(theirs.lessonsPerWeek.every((week) => week.lessons === 0)).toBe(true);
    expect(theirs.attendance).toEqual({ present: 0, late: 0, absent: 0, excused: 0 });
    expect(theirs.assignments).toEqual({ onTime: 0, late: 0, notDone: 0 });
    expect(attendanceRate(theirs.attendance)).toBeNull();
    expect(onTimeRate(theirs.assignments)).toBeNull();

    // Once the connection ends, its history leaves both parties' statistics.
    await db.update(connections).set({ status: "revoked" }).where(eq(connections.id, connection.id));
    expect((await studioStatistics(teacher, "Europe/London", 4, NOW)).perPerson).toEqual([]);
  });

  it("put each lesson in the week of the viewer's calendar", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    // Sunday 29 November 22:00 UTC is Monday 30 November 11:00 in Auckland: this week there, last week in London.
    const startsAt = new Date("2026-11-29T22:00:00Z");
    await db.insert(lessons).values({
      connectionId: connection.id,
      teacherId: teacher.id,
      studentId: student.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
    });
    const auckland = await studioStatistics(teacher, "Pacific/Auckland", 4, NOW);
    expect(auckland.lessonsPerWeek.at(-1)).toEqual({ weekOf: "2026-11-30", lessons: 1 });
    const london = await studioStatistics(teacher, "Europe/London", 4, NOW);
    expect(london.lessonsPerWeek.at(-2)).toEqual({ weekOf: "2026-11-23", lessons: 1 });
  });

  it("read the period from the address, the shortest when it is anything else", () => {
    expect(parseStatisticsPeriod("12")).toBe(12);
    expect(parseStatisticsPeriod("52")).toBe(52);
    for (const value of [undefined, "", "5", "12.0x", ["12"], "-4"]) expect(parseStatisticsPeriod(value)).toBe(4);
  });
});
