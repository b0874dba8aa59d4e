import { expandWeeklySeries, MINUTE, type Occurrence, parseLocalDateTime, utcToZoned, zonedToUtc } from "@/lib/time";
import { SCHEDULING_LIMITS } from "./schemas";

export interface Recurrence {
  startsAt: Date;
  durationMinutes: number;
  intervalWeeks: number | null;
  occurrences: number | null;
  untilDate: string | null;
}

/** Anchored to the teacher's clock across DST, whoever asked. One more than the limit may be returned, to tell an over-long series from a full one. */
export function occurrencesOf(recurrence: Recurrence, seriesZone: string): Occurrence[] {
  if (!recurrence.intervalWeeks) {
    return [{ startsAt: recurrence.startsAt, endsAt: new Date(recurrence.startsAt.getTime() + recurrence.durationMinutes * MINUTE) }];
  }
  return expandWeeklySeries({
    start: utcToZoned(recurrence.startsAt, seriesZone),
    zone: seriesZone,
    intervalWeeks: recurrence.intervalWeeks === 2 ? 2 : 1,
    durationMinutes: recurrence.durationMinutes,
    count: recurrence.occurrences ?? undefined,
    untilDate: recurrence.untilDate ?? undefined,
    maxOccurrences: SCHEDULING_LIMITS.maxOccurrences + 1,
  });
}

export function localStartTime(instant: Date, zone: string): string {
  const local = utcToZoned(instant, zone);
  return `${String(local.hour).padStart(2, "0")}:${String(local.minute).padStart(2, "0")}:00`;
}

export const overlaps = (a: Occurrence, b: Occurrence) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

export function instantFromForm(date: string, time: string, zone: string): Date {
  const local = parseLocalDateTime(`${date}T${time}`);
  if (!local) throw new RangeError(`unchecked form time ${date} ${time}`);
  return zonedToUtc(local, zone);
}
