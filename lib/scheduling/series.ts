import { expandWeeklySeries, MINUTE, type Occurrence, parseLocalDateTime, utcToZoned, zonedToUtc } from "@/lib/time";
import { SCHEDULING_LIMITS } from "./schemas";

export interface Recurrence {
  startsAt: Date;
  durationMinutes: number;
  intervalWeeks: number | null;
  occurrences: number | null;
  untilDate: string | null;
}

/**
 * The lessons a request stands for. A series is anchored to the teacher's clock: whoever asked, and in
 * whichever zone they typed the first time, every occurrence keeps the teacher-local wall time of the
 * first one across DST changes (a New York student's request for the London teacher's 17:00 stays
 * 17:00 in London while New York's offset to London changes). One more than the limit may be returned,
 * so that callers can tell an over-long series from a full one.
 */
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

/** `HH:mm:ss` wall time of an instant in a zone, for `lesson_series.local_start_time`. */
export function localStartTime(instant: Date, zone: string): string {
  const local = utcToZoned(instant, zone);
  return `${String(local.hour).padStart(2, "0")}:${String(local.minute).padStart(2, "0")}:00`;
}

export const overlaps = (a: Occurrence, b: Occurrence) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** The instant a form's local date (`YYYY-MM-DD`) and time (`HH:mm`) stand for in `zone` (schemas have checked both). */
export function instantFromForm(date: string, time: string, zone: string): Date {
  const local = parseLocalDateTime(`${date}T${time}`);
  if (!local) throw new RangeError(`unchecked form time ${date} ${time}`);
  return zonedToUtc(local, zone);
}
