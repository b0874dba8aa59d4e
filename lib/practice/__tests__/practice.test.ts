import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { connections, practiceEntries, type User } from "@/db/schema";
import { createAssignment, deletePractice, logPractice, setPracticeGoal, updatePractice } from "@/lib/practice";
import { PRACTICE_MAX_MINUTES, PRACTICE_NOTE_MAX_LENGTH } from "@/lib/practice/limits";
import { getAssignment, practiceOverview, practiceStreak } from "@/lib/practice/queries";
import { weeksEndingWith } from "@/lib/time";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair } from "@/tests/factories";

vi.mock("@/lib/realtime", () => ({ publish: async () => true, presenceMembers: async () => new Set() }));

setupTestDatabase();

// Wednesday 2 December 2026, 01:30 in Auckland but still Tuesday 1 December in London.
const NOW = new Date("2026-12-01T12:30:00Z");

async function logged(student: User, connectionId: string, practicedOn: string, minutes: number, extra: Record<string, unknown> = {}) {
  const result = await logPractice(student, { connectionId, practicedOn, minutes: String(minutes), ...extra }, NOW);
  if (!result.ok) throw new Error(result.error);
  return result.data.entry;
}

describe("practice log", () => {
  it("logs practice on a day of the student's calendar, never a future one", async () => {
    const { student, connection } = await createConnectedPair();
    const auckland = { ...student, timezone: "Pacific/Auckland" };
    expect(await logged(auckland, connection.id, "2026-12-02", 25)).toMatchObject({ practicedOn: "2026-12-02", minutes: 25 });
    expect(await logPractice(student, { connectionId: connection.id, practicedOn: "2026-12-02", minutes: "25" }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { practicedOn: expect.any(String) },
    });
    expect(await logPractice(student, { connectionId: connection.id, practicedOn: "2025-11-01", minutes: "25" }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { practicedOn: expect.any(String) },
    });
  });

  it("accepts the longest note and most minutes and refuses more, and bad numbers", async () => {
    const { student, connection } = await createConnectedPair();
    const note = "♪".repeat(PRACTICE_NOTE_MAX_LENGTH);
    expect(await logged(student, connection.id, "2026-12-01", PRACTICE_MAX_MINUTES, { note })).toMatchObject({ note });
    const base = { connectionId: connection.id, practicedOn: "2026-12-01" };
    for (const [minutes, message] of [
      [String(PRACTICE_MAX_MINUTES + 1), "at most"],
      ["0", "at least"],
      ["12.5", "whole"],
      ["lots", "minutes"],
    ] as const) {
      expect(await logPractice(student, { ...base, minutes }, NOW)).toMatchObject({
        ok: false,
        fieldErrors: { minutes: expect.stringContaining(message) },
      });
    }
    expect(await logPractice(student, { ...base, minutes: "10", note: `${note}♪` }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { note: expect.stringContaining("1,000") },
    });
  });

  it("links an entry only to an assignment of the same teacher, and lets only its student edit or delete it", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const other = await createConnectedPair();
    const own = await createAssignment(teacher, { connectionId: connection.id, title: "Minuet" });
    const foreign = await createAssignment(other.teacher, { connectionId: other.connection.id, title: "Not yours" });
    if (!own.ok || !foreign.ok) throw new Error("setup");
    const entry = await logged(student, connection.id, "2026-12-01", 20, { assignmentId: own.data.assignment.id });
    expect(entry.assignmentId).toBe(own.data.assignment.id);
    await logged(other.student, other.connection.id, "2026-12-01", 50, { assignmentId: foreign.data.assignment.id });
    expect(await getAssignment(teacher, own.data.assignment.id)).toMatchObject({ practiceMinutes: 20 });
    expect(
      await logPractice(
        student,
        { connectionId: connection.id, practicedOn: "2026-12-01", minutes: "5", assignmentId: foreign.data.assignment.id },
        NOW,
      ),
    ).toMatchObject({ ok: false, fieldErrors: { assignmentId: expect.any(String) } });

    const edit = { entryId: entry.id, practicedOn: "2026-11-30", minutes: "45", note: "Slow practice" };
    expect(await updatePractice(other.student, edit, NOW)).toMatchObject({ ok: false, error: "We couldn't find that practice entry." });
    expect(await updatePractice(teacher, edit, NOW)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await updatePractice(student, edit, NOW)).toMatchObject({
      ok: true,
      data: { entry: { practicedOn: "2026-11-30", minutes: 45, note: "Slow practice", assignmentId: null } },
    });
    expect(await deletePractice(other.student, { entryId: entry.id })).toMatchObject({ ok: false });
    expect(await deletePractice(student, { entryId: randomUUID() })).toMatchObject({ ok: false });
    expect(await deletePractice(student, { entryId: entry.id })).toMatchObject({ ok: true });
    expect(await db.select().from(practiceEntries).where(eq(practiceEntries.id, entry.id))).toEqual([]);
    expect(await logPractice(teacher, { connectionId: connection.id, practicedOn: "2026-12-01", minutes: "5" }, NOW)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await logPractice(other.student, { connectionId: connection.id, practicedOn: "2026-12-01", minutes: "5" }, NOW)).toMatchObject({
      ok: false,
      error: "We couldn't find that teacher.",
    });
  });

  it("sums minutes per Monday-to-Sunday week against the teacher's goal, for both parties", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    expect(await setPracticeGoal(student, { connectionId: connection.id, minutes: "90" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setPracticeGoal(teacher, { connectionId: connection.id, minutes: "90" })).toMatchObject({
      ok: true,
      data: { minutes: 90 },
    });
    await logged(student, connection.id, "2026-11-30", 30); // Monday of this week
    await logged(student, connection.id, "2026-12-01", 15);
    await logged(student, connection.id, "2026-11-29", 60); // Sunday of last week
    for (const viewer of [student, teacher]) {
      const [overview] = await practiceOverview(viewer, student.timezone, { weekCount: 3 }, NOW);
      expect(overview).toMatchObject({
        connectionId: connection.id,
        goalMinutes: 90,
        thisWeekMinutes: 45,
        weeks: [
          { weekOf: "2026-11-16", minutes: 0 },
          { weekOf: "2026-11-23", minutes: 60 },
          { weekOf: "2026-11-30", minutes: 45 },
        ],
      });
      expect(overview!.recent.map((entry) => entry.practicedOn)).toEqual(["2026-12-01", "2026-11-30", "2026-11-29"]);
    }
    expect(await setPracticeGoal(teacher, { connectionId: connection.id, minutes: "" })).toMatchObject({
      ok: true,
      data: { minutes: null },
    });
    const [row] = await db.select().from(connections).where(eq(connections.id, connection.id));
    expect(row!.practiceGoalMinutes).toBeNull();
    const stranger = await createConnectedPair();
    expect(await practiceOverview(stranger.teacher, "Europe/London", { connectionId: connection.id }, NOW)).toEqual([]);
    expect((await practiceOverview(stranger.teacher, "Europe/London", {}, NOW)).map((row) => row.connectionId)).toEqual([
      stranger.connection.id,
    ]);
  });

  it("counts a streak of days ending today, or yesterday before today's practice", async () => {
    const { student, connection } = await createConnectedPair();
    expect(await practiceStreak(student, student.timezone, NOW)).toBe(0);
    for (const day of ["2026-11-27", "2026-11-29", "2026-11-30"]) await logged(student, connection.id, day, 10);
    expect(await practiceStreak(student, student.timezone, NOW)).toBe(2);
    await logged(student, connection.id, "2026-12-01", 10);
    await logged(student, connection.id, "2026-12-01", 5);
    expect(await practiceStreak(student, student.timezone, NOW)).toBe(3);
  });

  it("numbers weeks from Monday across a year end", () => {
    expect(weeksEndingWith("2027-01-03", 2)).toEqual(["2026-12-21", "2026-12-28"]);
  });
});
