import { db } from "@/db";
import {
  calendarEvents,
  calendarFeedTokens,
  lessonRequests,
  lessons,
  lessonSeries,
  notifications,
  rescheduleRequests,
  type Connection,
  type User,
} from "@/db/schema";
import { MINUTE } from "@/lib/time";

/** A fixed "now" for scheduling tests: requests are made relative to it, never to the machine's clock. */
export const NOW = new Date("2026-01-05T12:00:00Z");

export const actorOf = (user: User) => ({ id: user.id, role: user.role, name: user.name });

/** Form values for a lesson request, with sensible defaults; override what a test is about. */
export function requestForm(connection: Connection, overrides: Record<string, unknown> = {}) {
  return { connectionId: connection.id, date: "2026-02-02", time: "17:00", durationMinutes: "45", timezone: "Europe/London", ...overrides };
}

/** A lesson written directly (not through a request), for setting the scene. */
export async function insertLesson(
  connection: Connection,
  startsAt: string,
  minutes = 60,
  extra: Partial<typeof lessons.$inferInsert> = {},
) {
  const start = new Date(startsAt);
  const [lesson] = await db
    .insert(lessons)
    .values({
      connectionId: connection.id,
      teacherId: connection.teacherId,
      studentId: connection.studentId!,
      startsAt: start,
      endsAt: new Date(start.getTime() + minutes * MINUTE),
      ...extra,
    })
    .returning();
  return lesson!;
}

/** Every scheduling row and notification, to prove a refused call changed nothing (a zero-row diff). */
export async function schedulingSnapshot() {
  const [a, b, c, d, e, f, g] = await Promise.all([
    db.select().from(lessonRequests),
    db.select().from(lessonSeries),
    db.select().from(lessons),
    db.select().from(rescheduleRequests),
    db.select().from(calendarEvents),
    db.select().from(calendarFeedTokens),
    db.select().from(notifications),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((x, y) => x.id.localeCompare(y.id));
  return JSON.stringify([byId(a), byId(b), byId(c), byId(d), byId(e), byId(f), byId(g)]);
}
