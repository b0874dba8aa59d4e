import { describe, expect, it } from "vitest";
import {
  expandWeeklySeries,
  formatLocalDateTime,
  isValidTimeZone,
  type LocalDateTime,
  parseLocalDateTime,
  utcToZoned,
  zonedToUtc,
} from "@/lib/time";

const local = (value: string): LocalDateTime => {
  const parsed = parseLocalDateTime(value);
  if (!parsed) throw new Error(`bad test input ${value}`);
  return parsed;
};

describe("zonedToUtc", () => {
  it.each([
    ["2026-07-01T17:00", "Europe/London", "2026-07-01T16:00:00.000Z"],
    ["2026-01-01T17:00", "Europe/London", "2026-01-01T17:00:00.000Z"],
    ["2026-07-01T17:00", "America/New_York", "2026-07-01T21:00:00.000Z"],
    ["2026-01-15T17:00", "Australia/Sydney", "2026-01-15T06:00:00.000Z"],
    ["2026-07-15T17:00", "Australia/Sydney", "2026-07-15T07:00:00.000Z"],
    ["2026-07-01T17:00", "Asia/Kolkata", "2026-07-01T11:30:00.000Z"],
    ["2026-07-01T17:00", "Asia/Kathmandu", "2026-07-01T11:15:00.000Z"],
    ["2026-07-01T17:00", "Pacific/Kiritimati", "2026-07-01T03:00:00.000Z"],
  ])("%s in %s is %s", (wall, zone, expected) => {
    expect(zonedToUtc(local(wall), zone).toISOString()).toBe(expected);
  });

  it("moves a time inside a spring-forward gap forward by the gap", () => {
    // New York skips 02:00–03:00 on 2026-03-08: 02:30 becomes 03:30 EDT.
    expect(zonedToUtc(local("2026-03-08T02:30"), "America/New_York").toISOString()).toBe("2026-03-08T07:30:00.000Z");
    // London skips 01:00–02:00 on 2026-03-29: 01:30 becomes 02:30 BST.
    expect(zonedToUtc(local("2026-03-29T01:30"), "Europe/London").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    // Lord Howe springs forward by only 30 minutes (02:00 → 02:30) on 2026-10-04.
    expect(zonedToUtc(local("2026-10-04T02:15"), "Australia/Lord_Howe").toISOString()).toBe("2026-10-03T15:45:00.000Z");
  });

  it("resolves a time repeated by a fall-back overlap to its first occurrence", () => {
    // London repeats 01:00–02:00 on 2026-10-25: the first 01:30 is BST (00:30Z).
    expect(zonedToUtc(local("2026-10-25T01:30"), "Europe/London").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    // New York repeats 01:00–02:00 on 2026-11-01: the first 01:30 is EDT (05:30Z).
    expect(zonedToUtc(local("2026-11-01T01:30"), "America/New_York").toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  it("round-trips with utcToZoned outside transitions", () => {
    for (const zone of ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Australia/Lord_Howe"]) {
      const wall = local("2026-05-12T09:45");
      expect(utcToZoned(zonedToUtc(wall, zone), zone)).toEqual(wall);
    }
  });
});

describe("expandWeeklySeries", () => {
  const wallTimes = (zone: string, starts: Date[]) => starts.map((start) => formatLocalDateTime(utcToZoned(start, zone)).replace("T", " "));

  it("keeps a London 17:00 lesson at 17:00 across the October change", () => {
    const occurrences = expandWeeklySeries({
      start: local("2026-10-13T17:00"),
      zone: "Europe/London",
      intervalWeeks: 1,
      durationMinutes: 45,
      count: 4,
    });
    expect(
      wallTimes(
        "Europe/London",
        occurrences.map((o) => o.startsAt),
      ),
    ).toEqual(["2026-10-13 17:00", "2026-10-20 17:00", "2026-10-27 17:00", "2026-11-03 17:00"]);
    expect(occurrences.map((o) => o.startsAt.toISOString())).toEqual([
      "2026-10-13T16:00:00.000Z",
      "2026-10-20T16:00:00.000Z",
      "2026-10-27T17:00:00.000Z",
      "2026-11-03T17:00:00.000Z",
    ]);
    expect(occurrences.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 45 * 60_000)).toBe(true);
  });

  it("shows a New York teacher's series to a London student an hour off during the weeks the changes differ", () => {
    const occurrences = expandWeeklySeries({
      start: local("2026-03-03T12:00"),
      zone: "America/New_York",
      intervalWeeks: 1,
      durationMinutes: 60,
      count: 5,
    });
    const starts = occurrences.map((o) => o.startsAt);
    expect(wallTimes("America/New_York", starts).every((time) => time.endsWith("12:00"))).toBe(true);
    expect(wallTimes("Europe/London", starts)).toEqual([
      "2026-03-03 17:00",
      "2026-03-10 16:00", // New York has changed on 8 March, London not until 29 March
      "2026-03-17 16:00",
      "2026-03-24 16:00",
      "2026-03-31 17:00",
    ]);
  });

  it("keeps a fortnightly Sydney series at its wall time through April's change", () => {
    const occurrences = expandWeeklySeries({
      start: local("2026-03-24T16:30"),
      zone: "Australia/Sydney",
      intervalWeeks: 2,
      durationMinutes: 30,
      untilDate: "2026-05-05",
    });
    expect(
      wallTimes(
        "Australia/Sydney",
        occurrences.map((o) => o.startsAt),
      ),
    ).toEqual(["2026-03-24 16:30", "2026-04-07 16:30", "2026-04-21 16:30", "2026-05-05 16:30"]);
    expect(occurrences[0]!.startsAt.toISOString()).toBe("2026-03-24T05:30:00.000Z");
    expect(occurrences[1]!.startsAt.toISOString()).toBe("2026-04-07T06:30:00.000Z");
  });

  it("keeps Kolkata (no DST, half-hour offset) at a constant UTC time", () => {
    const occurrences = expandWeeklySeries({
      start: local("2026-03-01T18:00"),
      zone: "Asia/Kolkata",
      intervalWeeks: 1,
      durationMinutes: 60,
      count: 10,
    });
    expect(new Set(occurrences.map((o) => o.startsAt.toISOString().slice(11)))).toEqual(new Set(["12:30:00.000Z"]));
  });

  it("never produces more than the safety bound", () => {
    const occurrences = expandWeeklySeries({
      start: local("2026-01-01T10:00"),
      zone: "UTC",
      intervalWeeks: 1,
      durationMinutes: 30,
      untilDate: "2040-01-01",
      maxOccurrences: 52,
    });
    expect(occurrences).toHaveLength(52);
  });
});

describe("parseLocalDateTime and zones", () => {
  it("rejects malformed and impossible values", () => {
    for (const value of ["", "2026-02-30T10:00", "2026-13-01T10:00", "2026-01-01T24:00", "2026-01-01 10:00", "x"]) {
      expect(parseLocalDateTime(value)).toBeNull();
    }
  });

  it("knows real IANA zones only", () => {
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("europe/london")).toBe(false);
  });
});
