import { DAY, HOUR, MINUTE, SECOND } from "./durations";
import { checkWallTime, utcOffsetMs, utcToZoned, type LocalDateTime } from "./zones";

/** Wall-clock fields come from utcToZoned in the viewer's zone, never the server's, so a Friday evening in Los Angeles stays Friday. */

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

const two = (value: number) => String(value).padStart(2, "0");

function wallClock(instant: Date, zone: string) {
  const local = utcToZoned(instant, zone);
  const weekday = WEEKDAYS[new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay()]!;
  const monthName = MONTHS[local.month - 1]!;
  return {
    ...local,
    weekday,
    shortWeekday: weekday.slice(0, 3),
    monthName,
    shortMonth: monthName.slice(0, 3),
    time: `${two(local.hour)}:${two(local.minute)}`,
  };
}

export const formatTime = (instant: Date, zone: string) => wallClock(instant, zone).time;

export const formatTimeRange = (start: Date, end: Date, zone: string) => `${formatTime(start, zone)}–${formatTime(end, zone)}`;

export function formatDay(instant: Date, zone: string): string {
  const { shortWeekday, day, shortMonth } = wallClock(instant, zone);
  return `${shortWeekday} ${day} ${shortMonth}`;
}

export function formatDayWithYear(instant: Date, zone: string): string {
  return `${formatDay(instant, zone)} ${wallClock(instant, zone).year}`;
}

export function formatDayHeading(instant: Date, zone: string): string {
  const { weekday, day, monthName } = wallClock(instant, zone);
  return `${weekday} ${day} ${monthName}`;
}

export function formatDayMonth(instant: Date, zone: string): string {
  const { day, shortMonth } = wallClock(instant, zone);
  return `${day} ${shortMonth}`;
}

export function formatDate(instant: Date, zone: string): string {
  return `${formatDayMonth(instant, zone)} ${wallClock(instant, zone).year}`;
}

export function formatMonthYear(instant: Date, zone: string): string {
  const { monthName, year } = wallClock(instant, zone);
  return `${monthName} ${year}`;
}

export const formatShortWeekday = (instant: Date, zone: string) => wallClock(instant, zone).shortWeekday;

/** Whole calendar days from `earlier` to `later` on the zone's wall clock (a 23- or 25-hour day still counts one). */
export function calendarDaysBetween(earlier: Date, later: Date, zone: string): number {
  const dayNumber = (instant: Date) => {
    const { year, month, day } = utcToZoned(instant, zone);
    return Date.UTC(year, month - 1, day) / DAY;
  };
  return dayNumber(later) - dayNumber(earlier);
}

export const formatWeekdayTime = (instant: Date, zone: string) => `${wallClock(instant, zone).shortWeekday} ${formatTime(instant, zone)}`;

export const formatDateTime = (instant: Date, zone: string) => `${formatDay(instant, zone)}, ${formatTime(instant, zone)}`;

export const formatDateTimeWithYear = (instant: Date, zone: string) => `${formatDayWithYear(instant, zone)}, ${formatTime(instant, zone)}`;

export function formatFullDateTime(instant: Date, zone: string): string {
  const { weekday, day, monthName, year } = wallClock(instant, zone);
  return `${weekday} ${day} ${monthName} ${year}, ${formatTime(instant, zone)}`;
}

/** For notifications and emails, read away from any page that names the zone. */
export const formatDateTimeWithZone = (instant: Date, zone: string) => `${formatDateTime(instant, zone)} ${formatUtcOffset(instant, zone)}`;

export function formatIsoDate(instant: Date, zone: string): string {
  const { year, month, day } = wallClock(instant, zone);
  return `${year}-${two(month)}-${two(day)}`;
}

/** A calendar date `days` later (or earlier), as `yyyy-mm-dd`: date arithmetic, no zone involved. */
export function addDaysToIsoDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The Monday of a calendar date's week, as `yyyy-mm-dd`. */
export function mondayOfIsoDate(date: string): string {
  return addDaysToIsoDate(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** The Mondays of the `count` weeks (Monday to Sunday) that end with the one holding `today`, oldest first. */
export function weeksEndingWith(today: string, count: number): string[] {
  const monday = mondayOfIsoDate(today);
  return Array.from({ length: count }, (_, index) => addDaysToIsoDate(monday, -7 * (count - 1 - index)));
}

export function formatUtcOffset(instant: Date, zone: string): string {
  const minutes = Math.round(utcOffsetMs(zone, instant.getTime()) / MINUTE);
  if (minutes === 0) return "GMT";
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `GMT${minutes < 0 ? "-" : "+"}${hours}${rest ? `:${two(rest)}` : ""}`;
}

export function zoneCity(zone: string): string {
  return (zone.split("/").at(-1) ?? zone).replaceAll("_", " ");
}

export function zoneLabel(zone: string, at: Date = new Date()): string {
  if (zone === "UTC") return zone;
  const offset = formatUtcOffset(at, zone);
  return zone.includes("/") && !zone.startsWith("Etc/") ? `${zoneCity(zone)} (${offset})` : offset;
}

// The browser's own relative-time formatter: the bell shows this on every page, so no date library rides along.
const relativeTime = new Intl.RelativeTimeFormat("en", { numeric: "always" });
const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * DAY],
  ["month", 30 * DAY],
  ["day", DAY],
  ["hour", HOUR],
  ["minute", MINUTE],
];

/** "5 minutes ago", "in 2 hours": the largest whole unit, rounded. */
export function formatTimeAgo(instant: Date, now: Date = new Date()): string {
  const elapsed = instant.getTime() - now.getTime();
  const [unit, size] = RELATIVE_UNITS.find(([, length]) => Math.abs(elapsed) >= length) ?? ["second", SECOND];
  const amount = Math.round(elapsed / size);
  return relativeTime.format(amount === 0 ? -0 : amount, unit);
}

const wallClockTime = (local: LocalDateTime) => `${two(local.hour)}:${two(local.minute)}`;

/**
 * What a clock change does to a wall time typed in `zone`, in words for the person typing it, or null when the time
 * happens exactly once: the time it becomes (clocks go forward), or which of its two it means (clocks go back). An
 * event's start typed inside the gap is read as the moment of the jump (`skipped: "starts-at-jump"`), as events are.
 */
export function describeClockChange(
  local: LocalDateTime,
  zone: string,
  { skipped = "shifted" }: { skipped?: "shifted" | "starts-at-jump" } = {},
): string | null {
  const check = checkWallTime(local, zone);
  const typed = wallClockTime(local);
  if (check.kind === "skipped") {
    const gap = `Clocks go forward that night, so ${typed} does not exist in ${zoneCity(zone)}`;
    return skipped === "starts-at-jump"
      ? `${gap}: it will start at ${wallClockTime(utcToZoned(check.jump, zone))}, when they do.`
      : `${gap}: it will be ${wallClockTime(check.becomes)}.`;
  }
  if (check.kind === "repeated") {
    return `Clocks go back that night, so ${typed} happens twice in ${zoneCity(zone)}: this is the first, ${formatUtcOffset(check.first, zone)}.`;
  }
  return null;
}
