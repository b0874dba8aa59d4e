import { addDaysToIsoDate, DAY, formatIsoDate, mondayOfIsoDate, zonedToUtc } from "@/lib/time";
import type { CalendarItem } from "./queries";

/** A month as a phone calendar shows it: whole weeks, Monday first, and the instants that bound them in the viewer's zone. */
export interface MonthGrid {
  month: string;
  days: string[];
  start: Date;
  end: Date;
}

const MONTH = /^(\d{4})-(\d{2})$/;

export function startOfLocalDay(date: string, zone: string): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return zonedToUtc({ year, month, day, hour: 0, minute: 0 }, zone);
}

/** `yyyy-mm` moved by whole months. */
export function shiftMonth(month: string, by: number): string {
  const [, year, number] = MONTH.exec(month)!;
  const shifted = new Date(Date.UTC(Number(year), Number(number) - 1 + by, 1));
  return shifted.toISOString().slice(0, 7);
}

export function monthGrid(month: string, zone: string): MonthGrid {
  const gridStart = mondayOfIsoDate(`${month}-01`);
  const nextMonthStart = `${shiftMonth(month, 1)}-01`;
  const weeks = Math.ceil((Date.parse(nextMonthStart) - Date.parse(gridStart)) / DAY / 7);
  const days = Array.from({ length: weeks * 7 }, (_, index) => addDaysToIsoDate(gridStart, index));
  return { month, days, start: startOfLocalDay(gridStart, zone), end: startOfLocalDay(addDaysToIsoDate(gridStart, weeks * 7), zone) };
}

/** The week (Monday to Sunday) that holds `date`, and the instants that bound it in the viewer's zone. */
export function weekGrid(date: string, zone: string): { monday: string; days: string[]; start: Date; end: Date } {
  const monday = mondayOfIsoDate(date);
  const days = Array.from({ length: 7 }, (_, index) => addDaysToIsoDate(monday, index));
  return { monday, days, start: startOfLocalDay(monday, zone), end: startOfLocalDay(addDaysToIsoDate(monday, 7), zone) };
}

/** The local days an item covers: all-day items as stored dates (end exclusive), timed ones by their instants in `zone`. */
function daySpan(item: CalendarItem, zone: string): [first: string, last: string] {
  if (item.allDay) return [item.start, item.end > item.start ? addDaysToIsoDate(item.end, -1) : item.start];
  const start = new Date(item.start);
  const end = new Date(Math.max(start.getTime(), new Date(item.end).getTime() - 1));
  return [formatIsoDate(start, zone), formatIsoDate(end, zone)];
}

/** Each grid day's items, all-day ones first, then by start; a multi-day event is listed on every day it covers. */
export function itemsByDay(items: CalendarItem[], days: string[], zone: string): Map<string, CalendarItem[]> {
  const byDay = new Map(days.map((day) => [day, [] as CalendarItem[]]));
  const ordered = [...items].sort(
    (a, b) =>
      Number(b.allDay) - Number(a.allDay) || (a.allDay ? a.start.localeCompare(b.start) : Date.parse(a.start) - Date.parse(b.start)),
  );
  for (const item of ordered) {
    const [first, last] = daySpan(item, zone);
    for (const day of days) if (day >= first && day <= last) byDay.get(day)!.push(item);
  }
  return byDay;
}
