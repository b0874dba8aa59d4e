import { describe, expect, it } from "vitest";
import {
  formatMinutes,
  mondayOfIsoDate,
  weeksEndingWith,
  calendarDaysBetween,
  DAY,
  formatDate,
  formatDateTime,
  formatDateTimeWithYear,
  formatDateTimeWithZone,
  formatDay,
  formatDayHeading,
  formatDayMonth,
  formatDayWithYear,
  formatFullDateTime,
  formatIsoDate,
  formatMonthYear,
  formatShortWeekday,
  formatTime,
  formatTimeAgo,
  formatTimeRange,
  formatWeekdayTime,
  HOUR,
  MINUTE,
  minutesBetween,
  WEEK,
  zoneLabel,
} from "@/lib/time";

// This suite also runs under TZ=UTC, America/Los_Angeles, Pacific/Kiritimati and Asia/Tokyo (npm run test:tz).
describe("named display formats", () => {
  const lesson = new Date("2026-02-06T17:05:00Z"); // a Friday, GMT in London

  it("spell each format out once", () => {
    const zone = "Europe/London";
    expect(formatTime(lesson, zone)).toBe("17:05");
    expect(formatTimeRange(lesson, new Date(lesson.getTime() + 45 * MINUTE), zone)).toBe("17:05–17:50");
    expect(formatDay(lesson, zone)).toBe("Fri 6 Feb");
    expect(formatDayWithYear(lesson, zone)).toBe("Fri 6 Feb 2026");
    expect(formatDayHeading(lesson, zone)).toBe("Friday 6 February");
    expect(formatDayMonth(lesson, zone)).toBe("6 Feb");
    expect(formatDate(lesson, zone)).toBe("6 Feb 2026");
    expect(formatMonthYear(lesson, zone)).toBe("February 2026");
    expect(formatWeekdayTime(lesson, zone)).toBe("Fri 17:05");
    expect(formatDateTime(lesson, zone)).toBe("Fri 6 Feb, 17:05");
    expect(formatDateTimeWithYear(lesson, zone)).toBe("Fri 6 Feb 2026, 17:05");
    expect(formatFullDateTime(lesson, zone)).toBe("Friday 6 February 2026, 17:05");
    expect(formatDateTimeWithZone(lesson, zone)).toBe("Fri 6 Feb, 17:05 GMT");
    expect(formatIsoDate(lesson, zone)).toBe("2026-02-06");
  });

  it("name the viewer's weekday and date, not UTC's or the server's", () => {
    // Friday 23:30 in Los Angeles is already Saturday in UTC.
    const lateFriday = new Date("2026-02-07T07:30:00Z");
    expect(formatFullDateTime(lateFriday, "America/Los_Angeles")).toBe("Friday 6 February 2026, 23:30");
    expect(formatIsoDate(lateFriday, "America/Los_Angeles")).toBe("2026-02-06");
    expect(formatDay(lateFriday, "UTC")).toBe("Sat 7 Feb");
    // Friday 08:00 in Auckland is still Thursday in UTC.
    const earlyFriday = new Date("2026-02-05T19:00:00Z");
    expect(formatDateTime(earlyFriday, "Pacific/Auckland")).toBe("Fri 6 Feb, 08:00");
    expect(formatDateTime(earlyFriday, "Pacific/Kiritimati")).toBe("Fri 6 Feb, 09:00");
    // New Year's Eve in Honolulu while Kiritimati (UTC+14) is on 1 January of the next year.
    const newYearsEve = new Date("2026-01-01T09:30:00Z");
    expect(formatFullDateTime(newYearsEve, "Pacific/Honolulu")).toBe("Wednesday 31 December 2025, 23:30");
    expect(formatFullDateTime(newYearsEve, "Pacific/Kiritimati")).toBe("Thursday 1 January 2026, 23:30");
  });

  it("show a wall time that the server's own zone skips (date-fns-tz shows 03:30 under TZ=America/Los_Angeles)", () => {
    // 02:30 on 8 March 2026 exists in London but not in Los Angeles, which springs forward that night.
    expect(formatDateTimeWithZone(new Date("2026-03-08T02:30:00Z"), "Europe/London")).toBe("Sun 8 Mar, 02:30 GMT");
    expect(formatTime(new Date("2026-03-29T01:30:00Z"), "Europe/London")).toBe("02:30");
    expect(formatTime(new Date("2026-10-25T00:30:00Z"), "Europe/London")).toBe("01:30");
    expect(formatTime(new Date("2026-10-25T01:30:00Z"), "Europe/London")).toBe("01:30");
  });

  it("label zones by their place and current offset", () => {
    const summer = new Date("2026-07-01T12:00:00Z");
    const winter = new Date("2026-01-15T12:00:00Z");
    expect(zoneLabel("Europe/London", summer)).toBe("London (GMT+1)");
    expect(zoneLabel("Europe/London", winter)).toBe("London (GMT)");
    expect(zoneLabel("America/New_York", summer)).toBe("New York (GMT-4)");
    expect(zoneLabel("America/Argentina/Buenos_Aires", summer)).toBe("Buenos Aires (GMT-3)");
    expect(zoneLabel("Asia/Kolkata", summer)).toBe("Kolkata (GMT+5:30)");
    expect(zoneLabel("Asia/Kathmandu", summer)).toBe("Kathmandu (GMT+5:45)");
    expect(zoneLabel("Australia/Sydney", winter)).toBe("Sydney (GMT+11)");
    expect(zoneLabel("UTC", summer)).toBe("UTC");
    expect(zoneLabel("Etc/GMT+5", summer)).toBe("GMT-5");
    expect(formatDateTimeWithZone(summer, "America/St_Johns")).toBe("Wed 1 Jul, 09:30 GMT-2:30");
  });

  it("say how long ago, whatever the zone", () => {
    const now = new Date("2026-02-06T17:00:00Z");
    expect(formatTimeAgo(new Date(now.getTime() - 5 * MINUTE), now)).toBe("5 minutes ago");
    expect(formatTimeAgo(new Date(now.getTime() + 2 * HOUR), now)).toBe("in 2 hours");
  });
});

describe("calendar days", () => {
  it("count the viewer's wall-clock days, a 23-hour DST day as one", () => {
    const zone = "Europe/London";
    // 29 March 2026 is 23 hours long in London.
    expect(calendarDaysBetween(new Date("2026-03-28T12:00:00Z"), new Date("2026-03-29T11:00:00Z"), zone)).toBe(1);
    expect(calendarDaysBetween(new Date("2026-03-29T00:30:00Z"), new Date("2026-03-29T22:30:00Z"), zone)).toBe(0);
    // The same two instants are one day apart in Tokyo and none in Los Angeles.
    expect(calendarDaysBetween(new Date("2026-03-10T09:00:00Z"), new Date("2026-03-10T16:00:00Z"), "Asia/Tokyo")).toBe(1);
    expect(calendarDaysBetween(new Date("2026-03-10T09:00:00Z"), new Date("2026-03-10T16:00:00Z"), "America/Los_Angeles")).toBe(0);
    expect(formatShortWeekday(new Date("2026-03-10T16:00:00Z"), "Asia/Tokyo")).toBe("Wed");
  });
});

describe("durations", () => {
  it("are fixed lengths in milliseconds", () => {
    expect([MINUTE, HOUR, DAY, WEEK]).toEqual([60_000, 3_600_000, 86_400_000, 604_800_000]);
  });

  it("count whole minutes between instants, across a DST change as elapsed time", () => {
    expect(minutesBetween(new Date("2026-02-06T17:00:00Z"), new Date("2026-02-06T17:45:00Z"))).toBe(45);
    expect(minutesBetween(new Date("2026-02-06T17:00:00Z"), new Date("2026-02-06T17:44:40Z"))).toBe(45);
    // 00:30–03:30 London wall time on the spring-forward night is two hours of lesson.
    expect(minutesBetween(new Date("2026-03-29T00:30:00Z"), new Date("2026-03-29T02:30:00Z"))).toBe(120);
  });

  it("say a number of minutes the way people do", () => {
    expect([0, 45, 60, 125, 750, 59.6].map(formatMinutes)).toEqual(["0 min", "45 min", "1 h", "2 h 5 min", "12 h 30 min", "1 h"]);
  });
});

describe("weeks", () => {
  it("list the Mondays of the weeks ending with today's, across a year's end", () => {
    expect(mondayOfIsoDate("2026-11-29")).toBe("2026-11-23");
    expect(mondayOfIsoDate("2026-11-30")).toBe("2026-11-30");
    expect(weeksEndingWith("2027-01-03", 3)).toEqual(["2026-12-14", "2026-12-21", "2026-12-28"]);
  });
});
