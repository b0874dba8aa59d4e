import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { attendanceValues, connections, lessons, practiceEntries, type User } from "@/db/schema";
import { attendanceRate, studioStatistics, type AttendanceCounts } from "@/lib/dashboard/statistics";
import { DAY, WEEK } from "@/lib/time";
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
  return { teacher, students, connectionIds, rows, practice };
}

/** The same figures the straightforward way, from the rows in memory. */
function reference(studio: Awaited<ReturnType<typeof buildStudio>>, weeks: number) {
  const start = NOW.getTime() - weeks * WEEK;
  const inPeriod = studio.rows.filter((row) => row.startsAt!.getTime() >= start && row.startsAt!.getTime() < NOW.getTime());
  const perWeek = new Map<string, number>();
  for (const row of inPeriod.filter((row) => row.status !== "cancelled")) {
    // Lessons are 09:00–20:45 UTC, the same calendar day in London all year.
    const day = new Date(row.startsAt!.toISOString().slice(0, 10));
    const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
    perWeek.set(monday, (perWeek.get(monday) ?? 0) + 1);
  }
  const attendanceOf = (subset: LessonRow[]): AttendanceCounts => ({
    present: subset.filter((row) => row.attendance === "present").length,
    late: subset.filter((row) => row.attendance === "late").length,
    absent: subset.filter((row) => row.attendance === "absent").length,
    excused: subset.filter((row) => row.attendance === "excused").length,
  });
  const firstDay = new Date(start).toISOString().slice(0, 10);
  return {
    lessonsPerWeek: [...perWeek].sort(([a], [b]) => a.localeCompare(b)).map(([weekOf, lessons]) => ({ weekOf, lessons })),
    attendance: attendanceOf(inPeriod),
    perPerson: studio.students.map((student, index) => ({
      connectionId: studio.connectionIds[index],
      name: student.name,
      attendance: attendanceOf(inPeriod.filter((row) => row.studentId === student.id)),
      practiceMinutes: studio.practice
        .filter((entry) => entry.connectionId === studio.connectionIds[index] && entry.practicedOn >= firstDay)
        .reduce((sum, entry) => sum + entry.minutes, 0),
    })),
    cancellations: {
      byTeacher: inPeriod.filter((row) => row.status === "cancelled" && row.cancelledById === studio.teacher.id).length,
      byStudent: inPeriod.filter((row) => row.status === "cancelled" && row.cancelledById === row.studentId).length,
    },
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
    expect(year.lessonsPerWeek.length).toBeGreaterThanOrEqual(52);
    expect(attendanceRate(year.attendance)).toBeGreaterThan(0);
  });

  it("show a student only their own lessons and practice, and a stranger nothing", async () => {
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
    const mine = await studioStatistics(student, "Europe/London", 4, NOW);
    expect(mine.perPerson).toEqual([
      { connectionId: connection.id, name: teacher.name, attendance: { present: 0, late: 1, absent: 0, excused: 0 }, practiceMinutes: 40 },
    ]);
    const stranger = await createConnectedPair();
    expect(await studioStatistics(stranger.teacher, "Europe/London", 52, NOW)).toEqual({
      weeks: 52,
      lessonsPerWeek: [],
      attendance: { present: 0, late: 0, absent: 0, excused: 0 },
      perPerson: [],
      cancellations: { byTeacher: 0, byStudent: 0 },
    });
    expect(attendanceRate({ present: 0, late: 0, absent: 0, excused: 0 })).toBeNull();
  });
});
