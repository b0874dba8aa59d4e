import { describe, expect, it } from "vitest";
import { calendarDate, EARLIEST_DATE, LATEST_DATE } from "@/lib/time/schemas";
import { lessonRequestSchema, termSchema } from "@/lib/scheduling/schemas";

const messageOf = (value: unknown) => calendarDate().safeParse(value).error?.issues[0]?.message;

describe("calendarDate", () => {
  it("takes real dates within the window, leap days included", () => {
    for (const value of ["2024-02-29", EARLIEST_DATE, LATEST_DATE, "2026-12-01"]) expect(calendarDate().parse(value)).toBe(value);
  });

  it("refuses days that do not exist, each with its field's message", () => {
    for (const value of ["2026-02-30", "2025-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00"]) {
      expect(messageOf(value), value).toBe("Enter a real date: that day does not exist.");
    }
  });

  it("refuses years outside the window, and anything not shaped like a date", () => {
    for (const value of ["1900-01-01", "1999-12-31", "2100-01-01", "3000-06-01", "0001-01-01", "9999-12-31"]) {
      expect(messageOf(value), value).toBe("Enter a date between 2000 and 2099.");
    }
    for (const value of ["", "2026-1-1", "01/12/2026", "2026-12-01T00:00", " 2026-12-01", null, 20261201, ["2026-12-01"]]) {
      expect(messageOf(value), String(value)).toBe("Enter a date.");
    }
  });

  it("guards a series' end date and a term's dates, which used to reach the zone arithmetic", () => {
    const series = lessonRequestSchema.safeParse({
      connectionId: crypto.randomUUID(),
      date: "2027-02-01",
      time: "17:00",
      durationMinutes: "45",
      timezone: "Europe/London",
      repeat: "weekly",
      untilDate: "2027-02-30",
    });
    expect(series.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["untilDate", "Enter a real date: that day does not exist."],
    ]);
    const term = termSchema.safeParse({
      timezone: "Europe/London",
      startDate: "1900-01-01",
      endDate: "2027-02-30",
      students: [{ connectionId: crypto.randomUUID(), weekday: "1", time: "17:00", durationMinutes: "45" }],
    });
    expect(term.error?.issues.map((issue) => issue.path.join("."))).toEqual(expect.arrayContaining(["startDate", "endDate"]));
  });
});
