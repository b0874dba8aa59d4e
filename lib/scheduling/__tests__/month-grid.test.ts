import { describe, expect, it } from "vitest";
import type { CalendarItem } from "../queries";
import { itemsByDay, monthGrid, shiftMonth, weekGrid } from "../month-grid";

const lesson = (id: string, start: string, end: string): CalendarItem => ({ id, kind: "lesson", title: id, start, end, allDay: false });
const allDay = (id: string, start: string, end: string): CalendarItem => ({ id, kind: "event", title: id, start, end, allDay: true });

describe("the phone month grid", () => {
  it("covers whole weeks from Monday, bounded by local midnights in the viewer's zone", () => {
    const march = monthGrid("2026-03", "Europe/London");
    expect(march.days[0]).toBe("2026-02-23");
    expect(march.days.at(-1)).toBe("2026-04-05");
    expect(march.days).toHaveLength(42);
    expect(march.start.toISOString()).toBe("2026-02-23T00:00:00.000Z");
    // British Summer Time has begun by 6 April: local midnight is 23:00 UTC the day before.
    expect(march.end.toISOString()).toBe("2026-04-05T23:00:00.000Z");
    // February 2027 starts on a Monday and has exactly four weeks.
    expect(monthGrid("2027-02", "Asia/Tokyo").days).toHaveLength(28);
    expect(monthGrid("2027-02", "Asia/Tokyo").start.toISOString()).toBe("2027-01-31T15:00:00.000Z");
  });

  it("gives the phone's week list the Monday-to-Sunday week of any day, across a clock change", () => {
    const week = weekGrid("2026-03-29", "Europe/London");
    expect(week.monday).toBe("2026-03-23");
    expect(week.days).toEqual(["2026-03-23", "2026-03-24", "2026-03-25", "2026-03-26", "2026-03-27", "2026-03-28", "2026-03-29"]);
    expect(week.start.toISOString()).toBe("2026-03-23T00:00:00.000Z");
    // The clocks went forward on the Sunday: the next Monday starts at 23:00 UTC, a 167-hour week.
    expect(week.end.toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(weekGrid("2026-03-23", "Europe/London").monday).toBe("2026-03-23");
    expect(weekGrid("2027-01-02", "Pacific/Auckland").days[0]).toBe("2026-12-28");
  });

  it("moves across years", () => {
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2026-05", 0)).toBe("2026-05");
  });

  it("puts each item on the viewer's local days, all-day ones first and a multi-day event on every day it covers", () => {
    const { days } = monthGrid("2026-12", "America/New_York");
    const byDay = itemsByDay(
      [
        // 03:30 UTC on the 8th is 22:30 on the 7th in New York.
        lesson("late", "2026-12-08T03:30:00Z", "2026-12-08T04:15:00Z"),
        lesson("early", "2026-12-07T14:00:00Z", "2026-12-07T14:45:00Z"),
        allDay("trip", "2026-12-07", "2026-12-09"),
        // Ends exactly at local midnight: only the day it starts.
        lesson("to-midnight", "2026-12-10T15:00:00Z", "2026-12-11T05:00:00Z"),
      ],
      days,
      "America/New_York",
    );
    expect(byDay.get("2026-12-07")!.map((item) => item.id)).toEqual(["trip", "early", "late"]);
    expect(byDay.get("2026-12-08")!.map((item) => item.id)).toEqual(["trip"]);
    expect(byDay.get("2026-12-09")).toEqual([]);
    expect(byDay.get("2026-12-10")!.map((item) => item.id)).toEqual(["to-midnight"]);
    expect(byDay.get("2026-12-11")).toEqual([]);
  });
});
