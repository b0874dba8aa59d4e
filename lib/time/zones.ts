import { DAY, HOUR, MINUTE, SECOND } from "./durations";

/** Nonexistent/repeated wall times follow Temporal's "compatible" rule (not date-fns-tz's fromZonedTime): gaps move forward, overlaps take the earlier instant. */

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

const ZONE_NAME = /^(?:UTC|[A-Z][A-Za-z_-]*(?:\/[A-Z0-9][A-Za-z0-9_+-]*){0,2})$/;
const zoneValidity = new Map<string, boolean>();

/** Aliases are accepted: ICU versions list different canonical names (Asia/Kolkata vs Asia/Calcutta). */
export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = zone.length <= 64 && ZONE_NAME.test(zone);
    if (valid) {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
      } catch {
        valid = false;
      }
    }
    if (zoneValidity.size < 2000) zoneValidity.set(zone, valid);
  }
  return valid;
}

export function listTimeZones(): string[] {
  return [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort();
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** Read from Intl: date-fns-tz's getTimezoneOffset is off by an hour at the edges of a fall-back overlap. */
export function utcOffsetMs(zone: string, instant: number): number {
  let formatter = offsetFormatters.get(zone);
  if (!formatter) {
    if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormatters.set(zone, formatter);
  }
  const name = formatter.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(name);
  if (!match) return 0; // plain "GMT"
  const [, sign, hours, minutes, seconds] = match;
  const magnitude = Number(hours) * HOUR + Number(minutes) * MINUTE + Number(seconds ?? 0) * SECOND;
  return sign === "-" ? -magnitude : magnitude;
}

function asUtcMs(local: LocalDateTime): number {
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
}

/** The instants a wall time names in a zone, earliest first: one, two (clocks went back), or none (clocks went forward). */
function instantsOf(local: LocalDateTime, zone: string): number[] {
  const wall = asUtcMs(local);
  // Offsets a day either side bracket any transition near this wall time.
  const offsets = new Set([utcOffsetMs(zone, wall - DAY), utcOffsetMs(zone, wall + DAY)]);
  return [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => instant + utcOffsetMs(zone, instant) === wall)
    .sort((a, b) => a - b);
}

export function zonedToUtc(local: LocalDateTime, zone: string): Date {
  const [earliest] = instantsOf(local, zone);
  if (earliest !== undefined) return new Date(earliest);
  // In a gap: read the wall time with the offset in force before the jump, which lands after it.
  return new Date(asUtcMs(local) - utcOffsetMs(zone, asUtcMs(local) - DAY));
}

/** For a wall time in a gap: the instant the clocks jumped over it (to the minute; zones jump on whole minutes). */
function jumpBefore(local: LocalDateTime, zone: string): Date {
  const wall = asUtcMs(local);
  const offsetBefore = utcOffsetMs(zone, wall - DAY);
  // The jump lies between reading the wall time with the later offset and with the earlier one.
  let low = wall - utcOffsetMs(zone, wall + DAY);
  let high = wall - offsetBefore;
  while (high - low > MINUTE) {
    const middle = low + Math.max(MINUTE, Math.floor((high - low) / 2 / MINUTE) * MINUTE);
    if (utcOffsetMs(zone, middle) === offsetBefore) low = middle;
    else high = middle;
  }
  return new Date(high);
}

export type WallTimeCheck =
  | { kind: "exists" }
  /** Clocks went forward over it: zonedToUtc reads it as `becomes`, later by the jump, which happened at `jump`. */
  | { kind: "skipped"; becomes: LocalDateTime; jump: Date }
  /** Clocks went back over it: it happens twice, and zonedToUtc takes the first. */
  | { kind: "repeated"; first: Date; second: Date };

/** Whether a wall time happens once in a zone, never (a spring-forward gap) or twice (an autumn overlap). */
export function checkWallTime(local: LocalDateTime, zone: string): WallTimeCheck {
  const instants = instantsOf(local, zone);
  if (instants.length === 0) return { kind: "skipped", becomes: utcToZoned(zonedToUtc(local, zone), zone), jump: jumpBefore(local, zone) };
  if (instants.length > 1) return { kind: "repeated", first: new Date(instants[0]!), second: new Date(instants[1]!) };
  return { kind: "exists" };
}

export function utcToZoned(instant: Date, zone: string): LocalDateTime {
  const shifted = new Date(instant.getTime() + utcOffsetMs(zone, instant.getTime()));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

export function addLocalDays(local: LocalDateTime, days: number): LocalDateTime {
  const shifted = new Date(Date.UTC(local.year, local.month - 1, local.day + days, local.hour, local.minute));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: local.hour,
    minute: local.minute,
  };
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function parseLocalDateTime(value: string): LocalDateTime | null {
  const match = LOCAL_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  const realDate = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  if (!realDate || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

export function formatLocalDateTime(local: LocalDateTime): string {
  return `${pad(local.year, 4)}-${pad(local.month)}-${pad(local.day)}T${pad(local.hour)}:${pad(local.minute)}`;
}

export interface WeeklySeriesInput {
  start: LocalDateTime;
  zone: string;
  intervalWeeks: 1 | 2;
  durationMinutes: number;
  count?: number;
  untilDate?: string;
  maxOccurrences?: number;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

/** Expanded in the series' own zone so the wall time stays fixed across DST. */
export function expandWeeklySeries(input: WeeklySeriesInput): Occurrence[] {
  const limit = Math.min(input.count ?? Number.POSITIVE_INFINITY, input.maxOccurrences ?? 104);
  const until = input.untilDate;
  const occurrences: Occurrence[] = [];
  for (let index = 0; index < limit; index++) {
    const local = addLocalDays(input.start, index * 7 * input.intervalWeeks);
    if (until !== undefined && formatLocalDateTime(local).slice(0, 10) > until) break;
    const startsAt = zonedToUtc(local, input.zone);
    occurrences.push({ startsAt, endsAt: new Date(startsAt.getTime() + input.durationMinutes * MINUTE) });
  }
  return occurrences;
}
