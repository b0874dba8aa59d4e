import { and, eq, or } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { calendarEvents, connections, lessons, type Connection, type Lesson } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { findConnectionFor } from "@/lib/connections/access";

/**
 * Every "may this actor act on this connection / lesson / event" rule of scheduling lives here, on top
 * of the shared connections helper. A refusal is indistinguishable from "not found": no data, no hint
 * that the id exists.
 */

export interface SchedulingActor {
  id: string;
  role: "teacher" | "student";
  name: string;
}

export const NOT_FOUND: ActionResult<never> = { ok: false, error: "We couldn't find that. It may have been removed." };
export const TEACHER_ONLY: ActionResult<never> = { ok: false, error: "Only the teacher can do that." };

/** The connection, if the actor is its teacher or student and it is accepted; otherwise null. */
export async function acceptedConnectionFor(
  actor: SchedulingActor,
  connectionId: string,
  executor: Executor = db,
): Promise<(Connection & { studentId: string }) | null> {
  const connection = await findConnectionFor(actor, connectionId, { status: "accepted" }, executor);
  return connection?.studentId ? (connection as Connection & { studentId: string }) : null;
}

/**
 * The lesson, if the actor is its teacher or student and their connection is still accepted (a revoked
 * connection ends all access to its lessons). `forUpdate` locks the row for the calling transaction.
 */
export async function lessonFor(
  actor: SchedulingActor,
  lessonId: string,
  executor: Executor = db,
  options: { forUpdate?: boolean } = {},
): Promise<Lesson | null> {
  const query = executor
    .select({ lesson: lessons })
    .from(lessons)
    .innerJoin(connections, and(eq(connections.id, lessons.connectionId), eq(connections.status, "accepted")))
    .where(and(eq(lessons.id, lessonId), or(eq(lessons.teacherId, actor.id), eq(lessons.studentId, actor.id))))
    .limit(1);
  const [row] = options.forUpdate ? await query.for("update", { of: lessons }) : await query;
  return row?.lesson ?? null;
}

/** The other participant of a lesson or connection. */
export function otherPartyId(actor: SchedulingActor, parties: { teacherId: string; studentId: string | null }): string {
  return (actor.id === parties.teacherId ? parties.studentId : parties.teacherId) as string;
}

/** The filter for a personal event: only its owner ever reads, changes or deletes it. */
export const ownedEvent = (actor: SchedulingActor, eventId: string) =>
  and(eq(calendarEvents.id, eventId), eq(calendarEvents.ownerId, actor.id));
