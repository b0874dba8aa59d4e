import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { formatLocalDateTime, formatTime, formatWeekdayTime, utcToZoned, zonedToUtc } from "@/lib/time";
import { occurrencesOf } from "../series";

// A frozen clock: nothing here may depend on the machine's zone or today's date (see `npm run test:tz`).
beforeAll(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-02-01T12:00:00Z"));
});
afterAll(() => vi.useRealTimers());

const wall = (zone: string, instants: { startsAt: Date }[]) =>
  instants.map((o) => formatLocalDateTime(utcToZoned(o.startsAt, zone)).replace("T", " "));
const weekly = (startsAt: Date, count: number, intervalWeeks = 1) => ({
  startsAt,
  durationMinutes: 45,
  intervalWeeks,
  occurrences: count,
  untilDate: null,
});

describe("a series keeps the teacher's wall-clock time", () => {
  it("a New York student's request for a London teacher's 17:00 stays 17:00 London on every occurrence", () => {
    // New York is already on EDT on 9 March while London is on GMT until 29 March: 13:00 NY is 17:00 London.
    const first = zonedToUtc({ year: 2026, month: 3, day: 9, hour: 13, minute: 0 }, "America/New_York");
    expect(formatTime(first, "Europe/London")).toBe("17:00");
    const lessons = occurrencesOf(weekly(first, 12), "Europe/London");
    expect(lessons).toHaveLength(12);
    expect(new Set(lessons.map((o) => formatWeekdayTime(o.startsAt, "Europe/London")))).toEqual(new Set(["Mon 17:00"]));
    // In New York the lesson is 13:00 while the clocks disagree (until London springs forward) and 12:00 after.
    expect(wall("America/New_York", lessons).slice(0, 4)).toEqual([
      "2026-03-09 13:00",
      "2026-03-16 13:00",
      "2026-03-23 13:00",
      "2026-03-30 12:00",
    ]);
    expect(lessons.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 45 * 60_000)).toBe(true);
  });

  it.each([
    ["Europe/London", "2026-10-20T16:00", "2026-10-27 16:00"],
    ["America/New_York", "2026-10-27T16:00", "2026-11-03 16:00"],
    ["Australia/Sydney", "2026-03-31T16:00", "2026-04-07 16:00"],
    ["Asia/Kolkata", "2026-03-24T16:00", "2026-03-31 16:00"],
  ])("Tue 16:00 in %s stays 16:00 across the change", (zone, start, afterChange) => {
    const [date, time] = start.split("T") as [string, string];
    const [year, month, day] = date.split("-").map(Number) as [number, number, number];
    const [hour, minute] = time.split(":").map(Number) as [number, number];
    const lessons = occurrencesOf(weekly(zonedToUtc({ year, month, day, hour, minute }, zone), 6), zone);
    expect(wall(zone, lessons)).toContain(afterChange);
    expect(new Set(wall(zone, lessons).map((value) => value.slice(11)))).toEqual(new Set(["16:00"]));
    // Where the zone changes offset, the UTC instants move by the change; Kolkata has none.
    const utcHours = new Set(lessons.map((o) => o.startsAt.getUTCHours() * 60 + o.startsAt.getUTCMinutes()));
    expect(utcHours.size).toBe(zone === "Asia/Kolkata" ? 1 : 2);
  });

  it("a Sydney teacher and a London student see one fixed Sydney time while their own clock moves twice", () => {
    const first = zonedToUtc({ year: 2026, month: 3, day: 3, hour: 7, minute: 30 }, "Australia/Sydney");
    const lessons = occurrencesOf(weekly(first, 10, 2), "Australia/Sydney");
    expect(new Set(wall("Australia/Sydney", lessons).map((value) => value.slice(11)))).toEqual(new Set(["07:30"]));
    // London springs forward on 29 March and Sydney falls back on 5 April: the student's evening time shifts twice.
    expect(new Set(wall("Europe/London", lessons).map((value) => value.slice(11)))).toEqual(new Set(["20:30", "21:30", "22:30"]));
    expect(lessons.map((o) => o.startsAt.getTime())).toEqual([...lessons.map((o) => o.startsAt.getTime())].sort());
  });

  it("an until date is inclusive in the series' zone and no occurrence is lost or duplicated", () => {
    const first = zonedToUtc({ year: 2026, month: 10, day: 4, hour: 23, minute: 30 }, "Asia/Kolkata");
    const lessons = occurrencesOf(
      { startsAt: first, durationMinutes: 60, intervalWeeks: 1, occurrences: null, untilDate: "2026-11-01" },
      "Asia/Kolkata",
    );
    expect(wall("Asia/Kolkata", lessons)).toEqual([
      "2026-10-04 23:30",
      "2026-10-11 23:30",
      "2026-10-18 23:30",
      "2026-10-25 23:30",
      "2026-11-01 23:30",
    ]);
  });

  it("a single lesson is exactly the requested instant and length", () => {
    const startsAt = new Date("2026-06-01T09:00:00Z");
    expect(
      occurrencesOf({ startsAt, durationMinutes: 30, intervalWeeks: null, occurrences: null, untilDate: null }, "Pacific/Kiritimati"),
    ).toEqual([{ startsAt, endsAt: new Date("2026-06-01T09:30:00Z") }]);
  });

  it("a lesson on a spring-forward day at a time that does not exist follows the documented rule", () => {
    // 01:30 on 29 March does not exist in London; the rule moves it forward by the gap (02:30 BST).
    const first = zonedToUtc({ year: 2026, month: 3, day: 22, hour: 1, minute: 30 }, "Europe/London");
    const lessons = occurrencesOf(weekly(first, 3), "Europe/London");
    expect(wall("Europe/London", lessons)).toEqual(["2026-03-22 01:30", "2026-03-29 02:30", "2026-04-05 01:30"]);
  });
});
