import { and, gt, inArray, lt, ne, or, sql } from "drizzle-orm";
import type { Executor, Transaction } from "@/db";
import { calendarEvents, lessons } from "@/db/schema";
import { eventsOf } from "@/lib/access";
import type { Occurrence } from "@/lib/time";
import { mayEndAfter } from "./overlap";
import { overlaps } from "./series";

export const CONFLICT_MESSAGE =
  "That time is already booked. Someone else took the slot a moment ago, or one of you has another lesson then.";

export interface Clash {
  startsAt: Date;
  endsAt: Date;
  with: "you" | "other party" | "your event";
}

export interface ClashCheck {
  teacherId: string;
  studentId: string;
  occurrences: Occurrence[];
  /** The lesson being moved does not clash with itself. */
  excludeLessonId?: string;
  withViewerEvents?: boolean;
}

/**
 * Serialises every write that books time in these people's calendars, for the rest of the transaction. Two bookings
 * racing for one slot then meet here, the second sees the first's lessons in its clash check and answers with a clear
 * clash, instead of both inserting and leaving the exclusion constraint to break a pile of waits with deadlock aborts.
 * Keys are taken in one order (sorted hashes), so two transactions never hold them crosswise. Lock order: after the
 * connection row, before any lesson row.
 */
export async function lockSchedules(tx: Transaction, userIds: string[]): Promise<void> {
  const names = [...new Set(userIds)].map((id) => sql`(${`schedule:${id}`})`);
  await tx.execute(sql`
    select pg_advisory_xact_lock(key)
    from (select hashtextextended(name, 0) as key from (values ${sql.join(names, sql`, `)}) as keys(name) order by 1) as ordered`);
}

/** At most two statements for any number of checks. The exclusion constraint remains the final guard; this is for telling people first. */
export async function findClashes(executor: Executor, viewerId: string, checks: ClashCheck[]): Promise<(Clash | null)[][]> {
  const all = checks.flatMap((check) => check.occurrences);
  if (all.length === 0) return checks.map(() => []);
  const from = new Date(Math.min(...all.map((o) => o.startsAt.getTime())));
  const to = new Date(Math.max(...all.map((o) => o.endsAt.getTime())));
  const eventChecks = checks.filter((check) => check.withViewerEvents && check.occurrences.length > 0);
  const [busy, events] = await Promise.all([
    executor
      .select({
        id: lessons.id,
        startsAt: lessons.startsAt,
        endsAt: lessons.endsAt,
        teacherId: lessons.teacherId,
        studentId: lessons.studentId,
      })
      .from(lessons)
      .where(
        and(
          or(
            inArray(lessons.teacherId, [...new Set(checks.map((c) => c.teacherId))]),
            inArray(lessons.studentId, [...new Set(checks.map((c) => c.studentId))]),
          ),
          ne(lessons.status, "cancelled"),
          lt(lessons.startsAt, to),
          gt(lessons.endsAt, from),
          mayEndAfter(from),
        ),
      ),
    eventChecks.length === 0
      ? []
      : executor
          .select({ startsAt: calendarEvents.startsAt, endsAt: calendarEvents.endsAt })
          .from(calendarEvents)
          .where(and(eventsOf({ id: viewerId }), lt(calendarEvents.startsAt, to), gt(calendarEvents.endsAt, from))),
  ]);
  return checks.map((check) => {
    const theirs = busy.filter(
      (lesson) => (lesson.teacherId === check.teacherId || lesson.studentId === check.studentId) && lesson.id !== check.excludeLessonId,
    );
    return check.occurrences.map((occurrence): Clash | null => {
      const lesson = theirs.find((candidate) => overlaps(candidate, occurrence));
      if (lesson) {
        const mine = lesson.teacherId === viewerId || lesson.studentId === viewerId;
        return { startsAt: lesson.startsAt, endsAt: lesson.endsAt, with: mine ? "you" : "other party" };
      }
      const event = check.withViewerEvents ? events.find((candidate) => overlaps(candidate, occurrence)) : undefined;
      return event ? { startsAt: event.startsAt, endsAt: event.endsAt, with: "your event" } : null;
    });
  });
}
