import { and, eq, gt, lt, ne, or } from "drizzle-orm";
import type { Executor } from "@/db";
import { calendarEvents, lessons } from "@/db/schema";
import type { Occurrence } from "@/lib/time";
import { overlaps } from "./series";

export const CONFLICT_MESSAGE = "That time is already booked. Someone else took the slot a moment ago, or one of you has another lesson then.";

export interface Clash {
  startsAt: Date;
  endsAt: Date;
  /** Whose lesson or event is in the way, from the point of view of `viewerId`. */
  with: "you" | "other party" | "your event";
}

function window(occurrences: Occurrence[]) {
  return {
    from: new Date(Math.min(...occurrences.map((o) => o.startsAt.getTime()))),
    to: new Date(Math.max(...occurrences.map((o) => o.endsAt.getTime()))),
  };
}

/**
 * For each occurrence, the first non-cancelled lesson of the teacher or the student that overlaps it
 * (null when free). The exclusion constraint remains the final guard; this is for telling people first.
 */
export async function lessonClashes(
  executor: Executor,
  parties: { teacherId: string; studentId: string; viewerId: string },
  occurrences: Occurrence[],
  excludeLessonId?: string,
): Promise<(Clash | null)[]> {
  if (occurrences.length === 0) return [];
  const { from, to } = window(occurrences);
  const busy = await executor
    .select({ startsAt: lessons.startsAt, endsAt: lessons.endsAt, teacherId: lessons.teacherId, studentId: lessons.studentId })
    .from(lessons)
    .where(
      and(
        or(eq(lessons.teacherId, parties.teacherId), eq(lessons.studentId, parties.studentId)),
        ne(lessons.status, "cancelled"),
        lt(lessons.startsAt, to),
        gt(lessons.endsAt, from),
        excludeLessonId ? ne(lessons.id, excludeLessonId) : undefined,
      ),
    );
  return occurrences.map((occurrence) => {
    const hit = busy.find((lesson) => overlaps(lesson, occurrence));
    if (!hit) return null;
    const mine = hit.teacherId === parties.viewerId || hit.studentId === parties.viewerId;
    return { startsAt: hit.startsAt, endsAt: hit.endsAt, with: mine ? "you" : "other party" };
  });
}

/** For each occurrence, the first of the owner's personal events that overlaps it (only ever shown to the owner). */
export async function eventClashes(executor: Executor, ownerId: string, occurrences: Occurrence[]): Promise<(Clash | null)[]> {
  if (occurrences.length === 0) return [];
  const { from, to } = window(occurrences);
  const events = await executor
    .select({ startsAt: calendarEvents.startsAt, endsAt: calendarEvents.endsAt })
    .from(calendarEvents)
    .where(and(eq(calendarEvents.ownerId, ownerId), lt(calendarEvents.startsAt, to), gt(calendarEvents.endsAt, from)));
  return occurrences.map((occurrence) => {
    const hit = events.find((event) => overlaps(event, occurrence));
    return hit ? { ...hit, with: "your event" as const } : null;
  });
}
