import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { connections } from "@/db/schema";
import { createConnectedPair, createUser } from "@/tests/factories";
import { setupTestDatabase } from "@/tests/database";
import { actorOf, insertLesson, NOW } from "@/tests/scheduling";
import { HOUR } from "@/lib/time";
import { decodeUpcomingCursor, encodeUpcomingCursor, getLessonsOverview, UPCOMING_PAGE_SIZE } from "../queries";

setupTestDatabase();

/** A teacher with two students: 20 hourly lessons for the first, alternating days with 3 for the second. */
async function busyTeacher() {
  const first = await createConnectedPair();
  const student = await createUser({ role: "student" });
  const [second] = await db
    .insert(connections)
    .values({ teacherId: first.teacher.id, studentId: student.id, invitedEmail: student.email, status: "accepted", respondedAt: NOW })
    .returning();
  const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR).toISOString();
  for (let index = 0; index < 20; index++) await insertLesson(first.connection, at(24 + index * 2));
  for (let index = 0; index < 3; index++) await insertLesson(second!, at(25 + index * 2), 30);
  return { teacher: first.teacher, first: first.connection, second: second! };
}

describe("upcoming lessons, page by page", () => {
  it("pages through every upcoming lesson in start order, none twice and none skipped, and can keep to one student", async () => {
    const { teacher, first, second } = await busyTeacher();
    const seen: string[] = [];
    let after = null;
    for (let pages = 0; pages < 5; pages++) {
      const overview = await getLessonsOverview(actorOf(teacher), NOW, { upcoming: { after } });
      expect(overview.upcoming.length).toBeLessThanOrEqual(UPCOMING_PAGE_SIZE);
      seen.push(...overview.upcoming.map((lesson) => lesson.id));
      // Through the URL form, as the page does.
      after = overview.upcomingNext ? decodeUpcomingCursor(encodeUpcomingCursor(overview.upcomingNext)) : null;
      if (!after) break;
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);

    const onlySecond = await getLessonsOverview(actorOf(teacher), NOW, { upcoming: { connectionId: second.id } });
    expect(onlySecond.upcoming.map((lesson) => lesson.otherPartyName)).toEqual(Array(3).fill(onlySecond.upcoming[0]!.otherPartyName));
    expect(onlySecond.upcomingNext).toBeNull();
    const onlyFirst = await getLessonsOverview(actorOf(teacher), NOW, { upcoming: { connectionId: first.id } });
    expect(onlyFirst.upcoming).toHaveLength(UPCOMING_PAGE_SIZE);
    expect(onlyFirst.upcomingNext).not.toBeNull();
  });

  it("another teacher's connection filters to nothing: the filter never widens what a viewer sees", async () => {
    const { first } = await busyTeacher();
    const stranger = await createConnectedPair();
    const overview = await getLessonsOverview(actorOf(stranger.teacher), NOW, { upcoming: { connectionId: first.id } });
    expect(overview.upcoming).toEqual([]);
    expect(overview.upcomingNext).toBeNull();
  });

  it("reads only well-formed cursors", () => {
    const cursor = { startsAt: new Date("2026-02-01T10:00:00Z"), id: "0b7a1c52-1f7e-4d1b-9a0c-2a4f8e6b9d11" };
    expect(decodeUpcomingCursor(encodeUpcomingCursor(cursor))).toEqual(cursor);
    for (const junk of [
      undefined,
      ["a"],
      "",
      "12",
      "abc_0b7a1c52-1f7e-4d1b-9a0c-2a4f8e6b9d11",
      "12_not-a-uuid",
      `${"9".repeat(16)}_${cursor.id}`,
    ])
      expect(decodeUpcomingCursor(junk)).toBeNull();
  });
});
