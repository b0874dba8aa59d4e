import { and, eq } from "drizzle-orm";
import { db, type Transaction } from "@/db";
import { isExclusionViolation } from "@/db/errors";
import { inTransaction } from "@/db/transaction";
import { lessonRequests, lessons, lessonSeries, users, type LessonRequest } from "@/db/schema";
import { invalid, type ActionResult } from "@/lib/actions";
import { DAY, type Occurrence } from "@/lib/time";
import { acceptedConnectionFor, NOT_FOUND, otherPartyId, type SchedulingActor } from "./access";
import { CONFLICT_MESSAGE, eventClashes, lessonClashes, type Clash } from "./conflicts";
import { recipient, tell, whenFor } from "./notices";
import {
  approveRequestSchema,
  declineRequestSchema,
  lessonRequestSchema,
  requestIdSchema,
  SCHEDULING_LIMITS,
  type LessonRequestInput,
} from "./schemas";
import { instantFromForm, localStartTime, occurrencesOf } from "./series";


async function teacherZone(teacherId: string): Promise<string> {
  const [teacher] = await db.select({ timezone: users.timezone }).from(users).where(eq(users.id, teacherId)).limit(1);
  return teacher?.timezone ?? "UTC";
}

/** The limits a request must respect, as field errors; the occurrences when it does. */
function checkLimits(input: LessonRequestInput, startsAt: Date, occurrences: Occurrence[], now: Date): Record<string, string> | null {
  const horizon = new Date(now.getTime() + SCHEDULING_LIMITS.horizonDays * DAY);
  if (startsAt <= now) return { date: "Choose a time in the future." };
  if (startsAt > horizon) return { date: "Lessons can be booked up to a year ahead." };
  if (occurrences.length > SCHEDULING_LIMITS.maxOccurrences)
    return { untilDate: `That is more than ${SCHEDULING_LIMITS.maxOccurrences} lessons. Choose an earlier end date.` };
  if (input.untilDate !== undefined && occurrences.length < 2) return { untilDate: "The end date leaves fewer than 2 lessons." };
  const last = occurrences.at(-1)!;
  if (last.startsAt > horizon) return { [input.untilDate ? "untilDate" : "occurrences"]: "A series can reach at most a year ahead." };
  return null;
}

/**
 * Either side of an accepted connection asks for a lesson or a weekly/fortnightly series. The first
 * time is entered in the requester's zone; a series keeps the teacher's wall-clock time (see `occurrencesOf`).
 */
export async function requestLessons(actor: SchedulingActor, raw: unknown, now = new Date()): Promise<ActionResult<{ requestId: string }>> {
  const parsed = lessonRequestSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const connection = await acceptedConnectionFor(actor, input.connectionId);
  if (!connection) return NOT_FOUND;

  const startsAt = instantFromForm(input.date, input.time, input.timezone);
  const intervalWeeks = input.repeat === "none" ? null : input.repeat === "weekly" ? 1 : 2;
  const recurrence = {
    startsAt,
    durationMinutes: input.durationMinutes,
    intervalWeeks,
    occurrences: input.occurrences ?? null,
    untilDate: input.untilDate ?? null,
  };
  const occurrences = occurrencesOf(recurrence, await teacherZone(connection.teacherId));
  const problems = checkLimits(input, startsAt, occurrences, now);
  if (problems) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: problems };

  const requestId = await inTransaction(async (scope) => {
    const [request] = await scope.tx
      .insert(lessonRequests)
      .values({ connectionId: connection.id, requestedById: actor.id, ...recurrence, timezone: input.timezone, location: input.location, note: input.note })
      .returning({ id: lessonRequests.id });
    const other = await recipient(scope.tx, otherPartyId(actor, connection));
    const what = occurrences.length > 1 ? `${occurrences.length} ${intervalWeeks === 2 ? "fortnightly" : "weekly"} lessons` : "a lesson";
    await tell(scope, other, {
      type: "lesson.requested",
      title: `${actor.name} asked for ${what}`,
      body: `Starting ${whenFor(other, startsAt)}, ${input.durationMinutes} minutes.`,
      link: "/lessons",
      email: true,
    });
    return request!.id;
  });
  return { ok: true, message: "Request sent.", data: { requestId } };
}

/** A pending request the actor may answer (they are on the connection but did not make it). */
async function answerableRequest(actor: SchedulingActor, requestId: string) {
  const [request] = await db.select().from(lessonRequests).where(eq(lessonRequests.id, requestId)).limit(1);
  if (!request) return null;
  const connection = await acceptedConnectionFor(actor, request.connectionId);
  return connection ? { request, connection } : null;
}

export interface PreviewOccurrence extends Occurrence {
  clash: Clash | null;
}

/**
 * What approving would create, with each occurrence's clash (a lesson of either party, or one of the
 * approver's own events), so clashing ones can be skipped before anything is written.
 */
export async function previewLessonRequest(
  actor: SchedulingActor,
  raw: unknown,
  now = new Date(),
): Promise<ActionResult<{ occurrences: PreviewOccurrence[] }>> {
  const parsed = requestIdSchema.safeParse(raw);
  if (!parsed.success) return NOT_FOUND;
  const found = await answerableRequest(actor, parsed.data.requestId);
  if (!found) return NOT_FOUND;
  const { request, connection } = found;
  const occurrences = occurrencesOf(request, await teacherZone(connection.teacherId)).filter((o) => o.startsAt > now);
  const parties = { teacherId: connection.teacherId, studentId: connection.studentId, viewerId: actor.id };
  const [lessonsInWay, eventsInWay] = await Promise.all([
    lessonClashes(db, parties, occurrences),
    request.requestedById === actor.id ? occurrences.map(() => null) : eventClashes(db, actor.id, occurrences),
  ]);
  return {
    ok: true,
    data: { occurrences: occurrences.map((occurrence, index) => ({ ...occurrence, clash: lessonsInWay[index] ?? eventsInWay[index] ?? null })) },
  };
}

type Answer = "approved" | "declined" | "withdrawn";

/** Locks the request row if it is still pending, so two answers to one request cannot both win. */
async function lockPending(tx: Transaction, requestId: string): Promise<LessonRequest | null> {
  const [request] = await tx
    .select()
    .from(lessonRequests)
    .where(and(eq(lessonRequests.id, requestId), eq(lessonRequests.status, "pending")))
    .for("update");
  return request ?? null;
}

const ALREADY_ANSWERED: ActionResult<never> = { ok: false, error: "This request has already been answered or withdrawn." };

/**
 * Creates every lesson of the request (less the skipped occurrences) in one transaction. Clashes are
 * refused before writing; a booking that races in between is caught by the exclusion constraint and
 * the whole approval rolls back, so nothing is ever half-created.
 */
export async function approveLessonRequest(
  actor: SchedulingActor,
  raw: unknown,
  now = new Date(),
): Promise<ActionResult<{ lessonIds: string[] }>> {
  const parsed = approveRequestSchema.safeParse(raw);
  if (!parsed.success) return NOT_FOUND;
  const found = await answerableRequest(actor, parsed.data.requestId);
  if (!found || found.request.requestedById === actor.id) return NOT_FOUND;
  const { connection } = found;
  const seriesZone = await teacherZone(connection.teacherId);
  const skipped = new Set(parsed.data.skip.map((iso) => new Date(iso).getTime()));

  try {
    return await inTransaction(async (scope): Promise<ActionResult<{ lessonIds: string[] }>> => {
      const request = await lockPending(scope.tx, parsed.data.requestId);
      if (!request) return ALREADY_ANSWERED;
      const wanted = occurrencesOf(request, seriesZone).filter((o) => o.startsAt > now && !skipped.has(o.startsAt.getTime()));
      if (wanted.length === 0) return { ok: false, error: "There is no lesson left to book: every time has passed or was skipped." };
      const clashes = await lessonClashes(scope.tx, { teacherId: connection.teacherId, studentId: connection.studentId, viewerId: actor.id }, wanted);
      const clashing = wanted.filter((_, index) => clashes[index]);
      if (clashing.length > 0) {
        const list = clashing.map((o) => whenFor({ timezone: seriesZone }, o.startsAt)).join("; ");
        return { ok: false, error: `${clashing.length === 1 ? "One lesson clashes" : `${clashing.length} lessons clash`} with another lesson: ${list}. Skip ${clashing.length === 1 ? "it" : "them"} to approve the rest.` };
      }

      let seriesId: string | null = null;
      if (request.intervalWeeks) {
        const [series] = await scope.tx
          .insert(lessonSeries)
          .values({
            connectionId: connection.id,
            requestId: request.id,
            intervalWeeks: request.intervalWeeks,
            timezone: seriesZone,
            localStartTime: localStartTime(request.startsAt, seriesZone),
            durationMinutes: request.durationMinutes,
          })
          .returning({ id: lessonSeries.id });
        seriesId = series!.id;
      }
      const created = await scope.tx
        .insert(lessons)
        .values(
          wanted.map((occurrence) => ({
            connectionId: connection.id,
            teacherId: connection.teacherId,
            studentId: connection.studentId,
            seriesId,
            requestId: request.id,
            startsAt: occurrence.startsAt,
            endsAt: occurrence.endsAt,
            location: request.location,
          })),
        )
        .returning({ id: lessons.id });
      await answer(scope.tx, request.id, actor.id, "approved", now);
      const requester = await recipient(scope.tx, request.requestedById);
      await tell(scope, requester, {
        type: "lesson.approved",
        title: `${actor.name} approved your ${created.length === 1 ? "lesson" : `${created.length} lessons`}`,
        body: `First lesson ${whenFor(requester, wanted[0]!.startsAt)}.`,
        link: created.length === 1 ? `/lessons/${created[0]!.id}` : "/lessons",
      });
      return { ok: true, message: `${created.length === 1 ? "Lesson" : `${created.length} lessons`} booked.`, data: { lessonIds: created.map((row) => row.id) } };
    });
  } catch (error) {
    if (isExclusionViolation(error)) return { ok: false, error: CONFLICT_MESSAGE };
    throw error;
  }
}

async function answer(
  tx: Transaction,
  requestId: string,
  actorId: string,
  status: Answer,
  now: Date,
  reason?: string,
) {
  await tx
    .update(lessonRequests)
    .set({ status, respondedAt: now, respondedById: actorId, responseReason: reason ?? null })
    .where(eq(lessonRequests.id, requestId));
}

/** The other side turns a request down, optionally saying why. */
export async function declineLessonRequest(actor: SchedulingActor, raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = declineRequestSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.some((issue) => issue.path[0] === "reason") ? invalid(parsed.error) : NOT_FOUND;
  const found = await answerableRequest(actor, parsed.data.requestId);
  if (!found || found.request.requestedById === actor.id) return NOT_FOUND;
  return inTransaction(async (scope) => {
    const request = await lockPending(scope.tx, parsed.data.requestId);
    if (!request) return ALREADY_ANSWERED;
    await answer(scope.tx, request.id, actor.id, "declined", now, parsed.data.reason);
    const requester = await recipient(scope.tx, request.requestedById);
    await tell(scope, requester, {
      type: "lesson.declined",
      title: `${actor.name} declined your lesson request`,
      body: parsed.data.reason ? `Reason: ${parsed.data.reason}` : `The request for ${whenFor(requester, request.startsAt)} was declined.`,
      link: "/lessons",
    });
    return { ok: true as const, message: "Request declined." };
  });
}

/** The requester takes back a request nobody has answered yet. */
export async function withdrawLessonRequest(actor: SchedulingActor, raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = requestIdSchema.safeParse(raw);
  if (!parsed.success) return NOT_FOUND;
  const found = await answerableRequest(actor, parsed.data.requestId);
  if (!found || found.request.requestedById !== actor.id) return NOT_FOUND;
  return inTransaction(async (scope) => {
    const request = await lockPending(scope.tx, parsed.data.requestId);
    if (!request) return ALREADY_ANSWERED;
    await answer(scope.tx, request.id, actor.id, "withdrawn", now);
    const other = await recipient(scope.tx, otherPartyId(actor, found.connection));
    await tell(scope, other, {
      type: "lesson.withdrawn",
      title: `${actor.name} withdrew a lesson request`,
      body: `The request for ${whenFor(other, request.startsAt)} is no longer open.`,
      link: "/lessons",
    });
    return { ok: true as const, message: "Request withdrawn." };
  });
}
