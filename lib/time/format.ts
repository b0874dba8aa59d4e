import { formatDistanceStrict } from "date-fns";
import { MINUTE } from "./durations";
import { utcOffsetMs, utcToZoned } from "./zones";

/**
 * The named display formats: every date or time shown to someone goes through one of these, in the
 * viewer's zone. Wall-clock fields and the weekday come from `utcToZoned` (Intl's offset for that
 * zone), never from the server's own zone, so a Friday evening lesson in Los Angeles is a Friday
 * on a server whose clock already says Saturday. English names, 24-hour clock.
 */

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

/** "17:00" */
export const formatTime = (instant: Date, zone: string) => wallClock(instant, zone).time;

/** "17:00–17:45" */
export const formatTimeRange = (start: Date, end: Date, zone: string) => `${formatTime(start, zone)}–${formatTime(end, zone)}`;

/** "Fri 6 Feb": a day in lists. */
export function formatDay(instant: Date, zone: string): string {
  const { shortWeekday, day, shortMonth } = wallClock(instant, zone);
  return `${shortWeekday} ${day} ${shortMonth}`;
}

/** "Fri 6 Feb 2026": a day that may be in another year. */
export function formatDayWithYear(instant: Date, zone: string): string {
  return `${formatDay(instant, zone)} ${wallClock(instant, zone).year}`;
}

/** "Friday 6 February": today, at the top of a page. */
export function formatDayHeading(instant: Date, zone: string): string {
  const { weekday, day, monthName } = wallClock(instant, zone);
  return `${weekday} ${day} ${monthName}`;
}

/** "6 Feb": a due date in the coming weeks. */
export function formatDayMonth(instant: Date, zone: string): string {
  const { day, shortMonth } = wallClock(instant, zone);
  return `${day} ${shortMonth}`;
}

/** "6 Feb 2026": when something happened (sent, ended, cancelled). */
export function formatDate(instant: Date, zone: string): string {
  return `${formatDayMonth(instant, zone)} ${wallClock(instant, zone).year}`;
}

/** "February 2026" */
export function formatMonthYear(instant: Date, zone: string): string {
  const { monthName, year } = wallClock(instant, zone);
  return `${monthName} ${year}`;
}

/** "Fri 17:00": within the last few days. */
export const formatWeekdayTime = (instant: Date, zone: string) => `${wallClock(instant, zone).shortWeekday} ${formatTime(instant, zone)}`;

/** "Fri 6 Feb, 17:00": a lesson or request in lists. */
export const formatDateTime = (instant: Date, zone: string) => `${formatDay(instant, zone)}, ${formatTime(instant, zone)}`;

/** "Fri 6 Feb 2026, 17:00" */
export const formatDateTimeWithYear = (instant: Date, zone: string) => `${formatDayWithYear(instant, zone)}, ${formatTime(instant, zone)}`;

/** "Friday 6 February 2026, 17:00": the heading of one lesson. */
export function formatFullDateTime(instant: Date, zone: string): string {
  const { weekday, day, monthName, year } = wallClock(instant, zone);
  return `${weekday} ${day} ${monthName} ${year}, ${formatTime(instant, zone)}`;
}

/** "Fri 6 Feb, 17:00 GMT+1": in notifications and emails, read away from any page that names the zone. */
export const formatDateTimeWithZone = (instant: Date, zone: string) => `${formatDateTime(instant, zone)} ${formatUtcOffset(instant, zone)}`;

/** "2026-02-06": the local calendar date, as date inputs, URLs and all-day events take it. */
export function formatIsoDate(instant: Date, zone: string): string {
  const { year, month, day } = wallClock(instant, zone);
  return `${year}-${two(month)}-${two(day)}`;
}

/** "GMT", "GMT+1", "GMT-4", "GMT+5:30": the zone's offset at that instant. */
export function formatUtcOffset(instant: Date, zone: string): string {
  const minutes = Math.round(utcOffsetMs(zone, instant.getTime()) / MINUTE);
  if (minutes === 0) return "GMT";
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `GMT${minutes < 0 ? "-" : "+"}${hours}${rest ? `:${two(rest)}` : ""}`;
}

/** "London", "New York", "Buenos Aires": the place an IANA zone is named after. */
export function zoneCity(zone: string): string {
  return (zone.split("/").at(-1) ?? zone).replaceAll("_", " ");
}

/** "London (GMT+1)": the viewer's zone, wherever times are listed. "UTC", and zones named by an offset alone, are the offset. */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  if (zone === "UTC") return zone;
  const offset = formatUtcOffset(at, zone);
  return zone.includes("/") && !zone.startsWith("Etc/") ? `${zoneCity(zone)} (${offset})` : offset;
}

/** "5 minutes ago", "in 2 hours": zone-independent. */
export const formatTimeAgo = (instant: Date, now: Date = new Date()) => formatDistanceStrict(instant, now, { addSuffix: true });
