import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { calendarFeedTokens } from "@/db/schema";
import { createConnectedPair } from "@/tests/factories";
import { setupTestDatabase } from "@/tests/database";
import { actorOf, NOW, requestForm } from "@/tests/scheduling";
import {
  approveLessonRequest,
  calendarFeed,
  cancelLesson,
  createCalendarEvent,
  currentFeedLink,
  regenerateFeedToken,
  requestLessons,
} from "..";

setupTestDatabase();

const tokenOf = (url: string) => url.split("/").at(-1)!;

/** Unfolds RFC 5545 content lines (a CRLF followed by a space continues the previous line). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

describe("iCalendar feed", () => {
  it("lists the owner's lessons and events as valid, escaped RFC 5545 text; hostile notes stay data", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const note = "Bring: scales; arpeggios, and\nthe <script>alert(1)</script> book\\";
    const request = await requestLessons(
      actorOf(student),
      requestForm(connection, { repeat: "weekly", occurrences: "3", note, location: "Studio 4, Elm Row" }),
      NOW,
    );
    if (!request.ok) throw new Error(request.error);
    const approved = await approveLessonRequest(actorOf(teacher), { requestId: request.data.requestId }, NOW);
    if (!approved.ok) throw new Error(approved.error);
    await cancelLesson(actorOf(student), { lessonId: approved.data.lessonIds[2]!, reason: "away" }, NOW);
    await createCalendarEvent(actorOf(teacher), {
      title: "Holiday; beach, sun",
      timezone: "Europe/London",
      allDay: "on",
      startDate: "2026-01-20",
      endDate: "2026-01-21",
    });
    await createCalendarEvent(actorOf(student), {
      title: "Student's private thing",
      timezone: "UTC",
      startDate: "2026-01-20",
      startTime: "10:00",
      endDate: "2026-01-20",
      endTime: "11:00",
    });

    const regenerated = await regenerateFeedToken(actorOf(teacher));
    if (!regenerated.ok) throw new Error(regenerated.error);
    const raw = await calendarFeed(tokenOf(regenerated.data.url), NOW);
    expect(raw).not.toBeNull();
    expect(raw!.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const ics = unfold(raw!);
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(ics).toContain("DTSTART:20260202T170000Z");
    expect(ics).toContain(`SUMMARY:Lesson with ${student.name}`);
    expect(ics).toContain("DESCRIPTION:Bring: scales\\; arpeggios\\, and\\nthe <script>alert(1)</script> book\\\\");
    expect(ics).toContain("LOCATION:Studio 4\\, Elm Row");
    expect(ics.match(/STATUS:CANCELLED/g)).toHaveLength(1);
    // An all-day event is written as dates (the end is exclusive), whatever the process zone.
    expect(ics).toContain("SUMMARY:Holiday\\; beach\\, sun");
    expect(ics).toContain("DTSTART;VALUE=DATE:20260120\r\nDTEND;VALUE=DATE:20260122");
    expect(ics).not.toContain("Student's private thing");
  });

  it("an old URL stops working when a new one is made; guessed tokens get nothing", async () => {
    const { teacher } = await createConnectedPair();
    const first = await regenerateFeedToken(actorOf(teacher));
    const second = await regenerateFeedToken(actorOf(teacher));
    if (!first.ok || !second.ok) throw new Error("not regenerated");
    expect(await calendarFeed(tokenOf(first.data.url), NOW)).toBeNull();
    expect(await calendarFeed(tokenOf(second.data.url), NOW)).toContain("BEGIN:VCALENDAR");
    expect(await calendarFeed("A".repeat(43), NOW)).toBeNull();
    expect(await calendarFeed("../../etc/passwd", NOW)).toBeNull();
  });

  it("the link can be shown again whenever the calendar opens, while the database holds only its hash", async () => {
    const { teacher, student } = await createConnectedPair();
    expect(await currentFeedLink(actorOf(teacher))).toEqual({ url: null, exists: false });
    const made = await regenerateFeedToken(actorOf(teacher));
    if (!made.ok) throw new Error(made.error);
    expect(await currentFeedLink(actorOf(teacher))).toEqual({ url: made.data.url, exists: true });
    const [row] = await db.select().from(calendarFeedTokens).where(eq(calendarFeedTokens.userId, teacher.id));
    expect(JSON.stringify(row)).not.toContain(tokenOf(made.data.url));
    // Each person's link is their own, and shows only their calendar.
    expect(await currentFeedLink(actorOf(student))).toEqual({ url: null, exists: false });
    const replaced = await regenerateFeedToken(actorOf(teacher));
    if (!replaced.ok) throw new Error(replaced.error);
    expect(replaced.data.url).not.toBe(made.data.url);
    expect(await currentFeedLink(actorOf(teacher))).toEqual({ url: replaced.data.url, exists: true });
  });

  it("a link that cannot be derived again (made before links were derivable) is not shown, and still works until replaced", async () => {
    const { teacher } = await createConnectedPair();
    const made = await regenerateFeedToken(actorOf(teacher));
    if (!made.ok) throw new Error(made.error);
    await db.update(calendarFeedTokens).set({ nonce: null }).where(eq(calendarFeedTokens.userId, teacher.id));
    expect(await currentFeedLink(actorOf(teacher))).toEqual({ url: null, exists: true });
    expect(await calendarFeed(tokenOf(made.data.url), NOW)).toContain("BEGIN:VCALENDAR");
  });
});
