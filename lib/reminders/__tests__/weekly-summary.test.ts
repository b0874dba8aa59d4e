import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { notificationPreferences, weeklySummaryDeliveries } from "@/db/schema";
import { sendMessage } from "@/lib/messaging";
import { MINUTE, utcToZoned } from "@/lib/time";
import { setupTestDatabase } from "@/tests/database";
import { emailsTo, lessonAt, pairIn } from "./helpers";

vi.mock("@/lib/realtime", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/realtime")>()),
  publish: async () => true,
  presenceMembers: async () => new Set(),
}));

const { sendWeeklySummaries } = await import("@/lib/reminders/weekly-summary");

setupTestDatabase();

describe("T9: the weekly summary, never more than one a week", () => {
  it(
    "reaches each person once, on Sunday at 18:00 in their own zone, however often and however concurrently the job runs",
    { timeout: 240_000 },
    async () => {
      const zones = ["Europe/London", "Australia/Sydney", "Asia/Kathmandu", "America/New_York"];
      const people = [];
      for (const zone of zones) people.push({ zone, ...(await pairIn(zone)) });
      // Every 15 minutes for a week (Monday 00:00 UTC on), twice at once each time.
      const start = new Date("2027-03-22T00:00:00Z");
      const sentAt = new Map<string, Date[]>();
      for (let run = 0; run < 7 * 24 * 4; run++) {
        const now = new Date(start.getTime() + run * 15 * MINUTE);
        const before = await db.select().from(weeklySummaryDeliveries);
        await Promise.all([sendWeeklySummaries(now), sendWeeklySummaries(now)]);
        const after = await db.select().from(weeklySummaryDeliveries);
        for (const row of after.filter((row) => !before.some((old) => old.userId === row.userId && old.weekOf === row.weekOf))) {
          sentAt.set(row.userId, [...(sentAt.get(row.userId) ?? []), now]);
        }
      }
      for (const { zone, student, teacher } of people) {
        for (const person of [student, teacher]) {
          expect(await emailsTo(person), `${zone} ${person.role}`).toHaveLength(1);
          const [when, ...more] = sentAt.get(person.id) ?? [];
          expect(more).toEqual([]);
          const local = utcToZoned(when!, zone);
          expect(new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay(), zone).toBe(0);
          expect(local.hour, zone).toBe(18);
          expect(local.minute, zone).toBeLessThan(15);
        }
      }
    },
  );

  it("lists the coming week's lessons and unread conversations, last week's attendance for teachers only; nothing for those who turned it off", async () => {
    const { teacher, student, connection } = await pairIn("Europe/London");
    const quiet = await pairIn("Europe/London");
    await db.update(notificationPreferences).set({ weeklySummary: false }).where(eq(notificationPreferences.userId, quiet.student.id));
    await lessonAt(connection, "2027-03-29", "17:00", "Europe/London");
    await lessonAt(connection, "2027-03-22", "17:00", "Europe/London", {});
    const sent = await sendMessage(student, { connectionId: connection.id, clientMessageId: randomUUID(), body: "See you Monday" });
    expect(sent.ok).toBe(true);
    // Sunday 28 March 2027, 18:00 in London (BST).
    await sendWeeklySummaries(new Date("2027-03-28T17:00:00Z"));
    const [forTeacher] = await emailsTo(teacher);
    const [forStudent] = await emailsTo(student);
    expect(forTeacher!.subject).toBe("Your week ahead on MusBook");
    expect(forTeacher!.text).toContain(`Mon 29 Mar, 17:00 · ${student.name}`);
    expect(forTeacher!.text).toContain(`${student.name}: 1 unread`);
    expect(forTeacher!.text).toContain("Last week’s attendance");
    expect(forTeacher!.text).toContain("Not recorded yet: 1");
    expect(forTeacher!.idempotencyKey).toBe(`weekly-summary:${teacher.id}:2027-03-28`);
    expect(forStudent!.text).toContain(`Mon 29 Mar, 17:00 · ${teacher.name}`);
    expect(forStudent!.text).not.toContain("attendance");
    expect(await emailsTo(quiet.student)).toEqual([]);
    expect(await emailsTo(quiet.teacher)).toHaveLength(1);
  });
});
