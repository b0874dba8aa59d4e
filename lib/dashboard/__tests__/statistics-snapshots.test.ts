import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { assignments, lessons, practiceEntries, statisticsSnapshots, statisticsVersions, users, type User } from "@/db/schema";
import { updateProfile } from "@/lib/accounts/settings";
import { endConnection } from "@/lib/connections/relationship";
import { studioStatistics, type StatisticsPeriod } from "@/lib/dashboard/statistics";
import { completeAssignment, createAssignment, deletePractice, logPractice, updatePractice } from "@/lib/practice";
import { cancelLesson, markAttendance } from "@/lib/scheduling/lessons";
import { HOUR, MINUTE } from "@/lib/time";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair } from "@/tests/factories";

setupTestDatabase();

/** Monday 30 November 2026, noon in London. */
const NOW = new Date("2026-11-30T12:00:00Z");
const LONDON = "Europe/London";
const MARK = "served from the snapshot";

/** Marks a user's stored snapshots, so a call that returns the mark was served from one. */
async function markSnapshots(userId: string) {
  await db
    .update(statisticsSnapshots)
    .set({ data: sql`jsonb_set(${statisticsSnapshots.data}, '{firstDay}', ${JSON.stringify(MARK)}::jsonb)` })
    .where(eq(statisticsSnapshots.userId, userId));
}

const served = async (user: User, now = NOW, weeks: StatisticsPeriod = 4, zone = LONDON) =>
  (await studioStatistics(user, zone, weeks, now)).firstDay === MARK;

async function versionOf(userId: string) {
  const [row] = await db.select().from(statisticsVersions).where(eq(statisticsVersions.userId, userId));
  return row?.version ?? 0;
}

async function pairWithPastLesson() {
  const pair = await createConnectedPair();
  const [lesson] = await db
    .insert(lessons)
    .values({
      connectionId: pair.connection.id,
      teacherId: pair.teacher.id,
      studentId: pair.student.id,
      startsAt: new Date("2026-11-28T17:00:00Z"),
      endsAt: new Date("2026-11-28T17:45:00Z"),
    })
    .returning();
  return { ...pair, lesson: lesson! };
}

describe("statistics snapshots", () => {
  it("are served until something the statistics count changes, then computed again", async () => {
    const { teacher, lesson } = await pairWithPastLesson();
    expect((await studioStatistics(teacher, LONDON, 4, NOW)).attendance.present).toBe(0);
    await markSnapshots(teacher.id);
    expect(await served(teacher)).toBe(true);
    expect(await served(teacher, new Date(NOW.getTime() + HOUR))).toBe(true);

    expect(await markAttendance(teacher, { lessonId: lesson.id, attendance: "present" }, NOW)).toMatchObject({ ok: true });
    const after = await studioStatistics(teacher, LONDON, 4, NOW);
    expect(after.firstDay).not.toBe(MARK);
    expect(after.attendance.present).toBe(1);
  });

  it("are computed again for both parties after every write of every domain they count", async () => {
    const { teacher, student, connection, lesson } = await pairWithPastLesson();
    const [assignment] = await db
      .insert(assignments)
      .values({ connectionId: connection.id, title: "Scales", dueAt: new Date("2026-11-27T18:00:00Z") })
      .returning();
    const [upcoming] = await db
      .insert(lessons)
      .values({
        connectionId: connection.id,
        teacherId: teacher.id,
        studentId: student.id,
        startsAt: new Date("2026-12-02T17:00:00Z"),
        endsAt: new Date("2026-12-02T17:45:00Z"),
      })
      .returning();
    let entryId = "";
    const writes: [string, () => Promise<unknown>][] = [
      ["attendance", () => markAttendance(teacher, { lessonId: lesson.id, attendance: "late" }, NOW)],
      [
        "practice logged",
        async () => {
          const result = await logPractice(student, { connectionId: connection.id, practicedOn: "2026-11-29", minutes: 30 }, NOW);
          if (!result.ok) throw new Error(result.error);
          entryId = result.data.entry.id;
        },
      ],
      ["practice edited", () => updatePractice(student, { entryId, practicedOn: "2026-11-29", minutes: 45 }, NOW)],
      ["practice deleted", () => deletePractice(student, { entryId })],
      ["assignment set", () => createAssignment(teacher, { connectionId: connection.id, title: "Arpeggios", dueDate: "2026-12-04" })],
      ["assignment completed", () => completeAssignment(student, { assignmentId: assignment!.id })],
      ["lesson cancelled", () => cancelLesson(student, { lessonId: upcoming!.id, reason: "Ill" }, NOW)],
      ["connection ended", () => endConnection(teacher, { connectionId: connection.id }, NOW)],
    ];
    for (const [name, write] of writes) {
      for (const user of [teacher, student]) await studioStatistics(user, LONDON, 4, NOW);
      await markSnapshots(teacher.id);
      await markSnapshots(student.id);
      const result = await write();
      expect(result === undefined || (result as { ok: boolean }).ok, name).toBe(true);
      expect(await served(teacher), `teacher after: ${name}`).toBe(false);
      expect(await served(student), `student after: ${name}`).toBe(false);
    }
  });

  it("show a party's new name, and drop a deleted party, at once", async () => {
    const { teacher, student } = await pairWithPastLesson();
    await studioStatistics(teacher, LONDON, 4, NOW);
    await markSnapshots(teacher.id);
    expect(await updateProfile(student, { name: "Renamed Student", timezone: LONDON })).toMatchObject({ ok: true });
    expect((await studioStatistics(teacher, LONDON, 4, NOW)).perPerson.map((person) => person.name)).toEqual(["Renamed Student"]);

    await markSnapshots(teacher.id);
    await db.delete(users).where(eq(users.id, student.id));
    expect((await studioStatistics(teacher, LONDON, 4, NOW)).perPerson).toEqual([]);
  });

  it("move on with the clock alone: a lesson starting, an assignment falling due, a new week", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const startsAt = new Date(NOW.getTime() + 2 * HOUR);
    await db.insert(lessons).values({
      connectionId: connection.id,
      teacherId: teacher.id,
      studentId: student.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * MINUTE),
    });
    const dueAt = new Date(NOW.getTime() + 3 * HOUR);
    await db.insert(assignments).values({ connectionId: connection.id, title: "Scales", dueAt });

    expect((await studioStatistics(teacher, LONDON, 4, NOW)).lessonsPerWeek.at(-1)).toEqual({ weekOf: "2026-11-30", lessons: 0 });
    await markSnapshots(teacher.id);
    expect(await served(teacher, new Date(startsAt.getTime() - MINUTE))).toBe(true);
    expect(await served(teacher, new Date(NOW.getTime() - MINUTE)), "before it was computed").toBe(false);

    await studioStatistics(teacher, LONDON, 4, NOW);
    await markSnapshots(teacher.id);
    const started = await studioStatistics(teacher, LONDON, 4, new Date(startsAt.getTime() + MINUTE));
    expect(started.lessonsPerWeek.at(-1)).toEqual({ weekOf: "2026-11-30", lessons: 1 });
    expect(started.assignments.notDone).toBe(0);

    await markSnapshots(teacher.id);
    expect((await studioStatistics(teacher, LONDON, 4, new Date(dueAt.getTime() + MINUTE))).assignments.notDone).toBe(1);

    // Sunday 6 December 23:30 and Monday 7 December 00:10 in London are different weeks.
    await studioStatistics(teacher, LONDON, 4, new Date("2026-12-06T23:30:00Z"));
    await markSnapshots(teacher.id);
    expect(await served(teacher, new Date("2026-12-06T23:50:00Z"))).toBe(true);
    const nextWeek = await studioStatistics(teacher, LONDON, 4, new Date("2026-12-07T00:10:00Z"));
    expect(nextWeek.lessonsPerWeek.at(-1)?.weekOf).toBe("2026-12-07");
  });

  it("are not served for another zone, period or version, and an older computation never replaces a newer snapshot", async () => {
    const { teacher } = await pairWithPastLesson();
    await studioStatistics(teacher, LONDON, 4, NOW);
    await markSnapshots(teacher.id);
    expect(await served(teacher, NOW, 4, "Pacific/Auckland")).toBe(false);
    expect(await served(teacher, NOW, 12)).toBe(false);

    await studioStatistics(teacher, LONDON, 4, NOW);
    await db
      .update(statisticsSnapshots)
      .set({ version: sql`${statisticsSnapshots.version} - 1` })
      .where(eq(statisticsSnapshots.userId, teacher.id));
    await markSnapshots(teacher.id);
    expect(await served(teacher)).toBe(false);

    // A snapshot from a version this request has not seen yet stays: it is the newer one.
    const ahead = (await versionOf(teacher.id)) + 5;
    const period = and(eq(statisticsSnapshots.userId, teacher.id), eq(statisticsSnapshots.weeks, 4));
    await db.update(statisticsSnapshots).set({ version: ahead }).where(period);
    await markSnapshots(teacher.id);
    expect(await served(teacher)).toBe(false);
    const [kept] = await db.select().from(statisticsSnapshots).where(period);
    expect(kept).toMatchObject({ version: ahead, data: { firstDay: MARK } });
  });

  it("raise each party's version once per statement, however many rows it writes", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const before = [await versionOf(teacher.id), await versionOf(student.id)];
    await db.insert(lessons).values(
      Array.from({ length: 10 }, (_, week) => ({
        connectionId: connection.id,
        teacherId: teacher.id,
        studentId: student.id,
        startsAt: new Date(NOW.getTime() + week * 7 * 24 * HOUR),
        endsAt: new Date(NOW.getTime() + week * 7 * 24 * HOUR + 45 * MINUTE),
      })),
    );
    expect([await versionOf(teacher.id), await versionOf(student.id)]).toEqual([before[0]! + 1, before[1]! + 1]);

    // A change the statistics do not read (the lesson's place) leaves the versions alone.
    await db.update(lessons).set({ location: "Room 2" }).where(eq(lessons.connectionId, connection.id));
    await db.update(practiceEntries).set({ note: "none" }).where(eq(practiceEntries.connectionId, connection.id));
    expect(await versionOf(teacher.id)).toBe(before[0]! + 1);
  });
});
