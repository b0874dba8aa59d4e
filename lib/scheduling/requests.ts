import { and, eq } from "drizzle-orm";
import { db, type Executor, type Transaction } from "@/db";
import { isExclusionViolation } from "@/db/errors";
import { inTransaction } from "@/db/transaction";
import { lessonRequests, lessons, lessonSeries, users, type LessonRequest } from "@/db/schema";
import { invalid, type ActionResult } from "@/lib/actions";
import { DAY, describeClockChange, parseLocalDateTime, type Occurrence } from "@/lib/time";
import { plural } from "@/lib/utils";
import { findConnectionFor, lessonRequestsOf, otherPartyId, parseId, type Viewer } from "@/lib/access";
import { NOT_FOUND } from "./answers";
import { CONFLICT_MESSAGE, findClashes, lockSchedules, type Clash } from "./conflicts";
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

export async function teacherZone(teacherId: string, executor: Executor = db): Promise<string> {
  const [teacher] = await executor.select({ timezone: users.timezone }).from(users).where(eq(users.id, teacherId)).limit(1);
  return teacher?.timezone ?? "UTC";
}

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

/** A series keeps the teacher's wall-clock time (see occurrencesOf). */
export async function requestLessons(actor: Viewer, raw: unknown, now = new Date()): Promise<ActionResult<{ requestId: string }>> {
  const parsed = lessonRequestSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const connection = await findConnectionFor(actor, input.connectionId);
  if (!connection) return NOT_FOUND;

  const startsAt = instantFromForm(input.date, input.time, input.timezone);
  // Said in the confirmation too, not only before sending: which time a clock change made of the one typed.
  const clockNote = describeClockChange(parseLocalDateTime(`${input.date}T${input.time}`)!, input.timezone);
  const afterward = clockNote ? ` ${clockNote}` : "";
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
  if (actor.role === "teacher" && connection.bookingMode === "direct") {
    return bookDirectly(
      actor,
      connection.id,
      { ...recurrence, timezone: input.timezone, location: input.location, note: input.note, skipClashes: input.skipClashes },
      occurrences,
      now,
      afterward,
    );
  }

  const requestId = await inTransaction(async (scope) => {
    // Taken for share so that a request cannot be filed beside the connection ending (see `lib/access`).
    if (!(await findConnectionFor(actor, connection.id, { lock: "share" }, scope.tx))) return null;
    const [request] = await scope.tx
      .insert(lessonRequests)
      .values({
        connectionId: connection.id,
        requestedById: actor.id,
        ...recurrence,
        timezone: input.timezone,
        location: input.location,
        note: input.note,
      })
      .returning({ id: lessonRequests.id });
    const other = await recipient(scope.tx, otherPartyId(actor, connection));
    await tell(scope, other, {
      type: "lesson.requested",
      title: `${actor.name} asked for ${describeCount(occurrences.length, intervalWeeks)}`,
      body: `Starting ${whenFor(other, startsAt)}, ${input.durationMinutes} minutes.`,
      link: "/lessons",
    });
    return request!.id;
  });
  return requestId ? { ok: true, message: `Request sent.${afterward}`, data: { requestId } } : NOT_FOUND;
}

type Recurrence = Pick<LessonRequest, "startsAt" | "durationMinutes" | "intervalWeeks" | "occurrences" | "untilDate">;

export const describeCount = (count: number, intervalWeeks: number | null) =>
  count > 1 ? `${count} ${intervalWeeks === 2 ? "fortnightly" : "weekly"} lessons` : "a lesson";

function clashFailure(clashing: Occurrence[], zone: string, withWhat: string, remedy: string): ActionResult<never> {
  const list = clashing.map((o) => whenFor({ timezone: zone }, o.startsAt)).join("; ");
  const count = clashing.length === 1 ? "One lesson clashes" : `${clashing.length} lessons clash`;
  return { ok: false, error: `${count} with ${withWhat}: ${list}. ${remedy}` };
}

/** The lessons of a request being granted, under one series row when it repeats (kept at the teacher's wall time). */
export async function insertLessons(
  tx: Transaction,
  connection: { id: string; teacherId: string; studentId: string },
  request: Recurrence & Pick<LessonRequest, "id" | "location">,
  seriesZone: string,
  wanted: Occurrence[],
): Promise<string[]> {
  let seriesId: string | null = null;
  if (request.intervalWeeks) {
    const [series] = await tx
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
  const created = await tx
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
  return created.map((row) => row.id);
}

/**
 * A teacher booking for a student whose lessons they book directly: the request is kept as history, answered by the
 * teacher in the same transaction, and the student is told. Clashes refuse the booking unless the teacher chose to
 * leave the clashing dates out.
 */
async function bookDirectly(
  actor: Viewer,
  connectionId: string,
  input: Recurrence & Pick<LessonRequestInput, "timezone" | "location" | "note" | "skipClashes">,
  occurrences: Occurrence[],
  now: Date,
  afterward: string,
): Promise<ActionResult<{ requestId: string; lessonIds: string[] }>> {
  try {
    return await inTransaction(async (scope): Promise<ActionResult<{ requestId: string; lessonIds: string[] }>> => {
      const connection = await findConnectionFor(actor, connectionId, { lock: "share" }, scope.tx);
      if (!connection) return NOT_FOUND;
      const seriesZone = await teacherZone(connection.teacherId, scope.tx);
      await lockSchedules(scope.tx, [connection.teacherId, connection.studentId]);
      const [clashes] = await findClashes(scope.tx, actor.id, [
        { teacherId: connection.teacherId, studentId: connection.studentId, occurrences, withViewerEvents: true },
      ]);
      const clashing = occurrences.filter((_, index) => clashes![index]);
      if (clashing.length > 0 && !input.skipClashes) {
        return clashFailure(clashing, seriesZone, "another lesson or event", "Choose another time, or leave the clashing lessons out.");
      }
      const wanted = occurrences.filter((_, index) => !clashes![index]);
      if (wanted.length === 0) return { ok: false, error: "Every one of these lessons clashes with another lesson or event." };
      const [request] = await scope.tx
        .insert(lessonRequests)
        .values({
          connectionId: connection.id,
          requestedById: actor.id,
          startsAt: input.startsAt,
          durationMinutes: input.durationMinutes,
          intervalWeeks: input.intervalWeeks,
          occurrences: input.occurrences,
          untilDate: input.untilDate,
          timezone: input.timezone,
          location: input.location,
          note: input.note,
          status: "approved",
          respondedAt: now,
          respondedById: actor.id,
        })
        .returning();
      const lessonIds = await insertLessons(scope.tx, connection, request!, seriesZone, wanted);
      const student = await recipient(scope.tx, connection.studentId);
      await tell(scope, student, {
        type: "lesson.booked",
        title: `${actor.name} booked ${describeCount(lessonIds.length, input.intervalWeeks)}`,
        body: `${lessonIds.length > 1 ? "First lesson" : "On"} ${whenFor(student, wanted[0]!.startsAt)}, ${input.durationMinutes} minutes.`,
        link: lessonIds.length === 1 ? `/lessons/${lessonIds[0]}` : "/lessons",
      });
      const left = clashing.length > 0 ? ` ${plural(clashing.length, "clashing lesson")} left out.` : "";
      return {
        ok: true,
        message: `${lessonIds.length === 1 ? "Lesson" : `${lessonIds.length} lessons`} booked.${left}${afterward}`,
        data: { requestId: request!.id, lessonIds },
      };
    });
  } catch (error) {
    if (isExclusionViolation(error)) return { ok: false, error: CONFLICT_MESSAGE };
    throw error;
  }
}

async function requestFor(actor: Viewer, requestId: string, executor: Executor = db) {
  const id = parseId(requestId);
  if (!id) return null;
  const [request] = await executor
    .select()
    .from(lessonRequests)
    .where(and(eq(lessonRequests.id, id), lessonRequestsOf(actor)))
    .limit(1);
  if (!request) return null;
  const connection = await findConnectionFor(actor, request.connectionId, {}, executor);
  return connection ? { request, connection } : null;
}

export interface PreviewOccurrence extends Occurrence {
  clash: Clash | null;
}

export interface PreviewSubject {
  request: Pick<LessonRequest, "startsAt" | "durationMinutes" | "intervalWeeks" | "occurrences" | "untilDate" | "requestedById">;
  teacherId: string;
  studentId: string;
  teacherZone: string;
}

/** Any number of requests costs at most two statements. */
export async function previewRequests(
  actor: Viewer,
  subjects: PreviewSubject[],
  now: Date,
  executor: Executor = db,
): Promise<PreviewOccurrence[][]> {
  const upcoming = subjects.map((subject) => occurrencesOf(subject.request, subject.teacherZone).filter((o) => o.startsAt > now));
  const clashes = await findClashes(
    executor,
    actor.id,
    subjects.map((subject, index) => ({
      teacherId: subject.teacherId,
      studentId: subject.studentId,
      occurrences: upcoming[index]!,
      withViewerEvents: subject.request.requestedById !== actor.id,
    })),
  );
  return upcoming.map((occurrences, index) => occurrences.map((occurrence, at) => ({ ...occurrence, clash: clashes[index]![at] ?? null })));
}

export async function previewLessonRequest(
  actor: Viewer,
  raw: unknown,
  now = new Date(),
): Promise<ActionResult<{ occurrences: PreviewOccurrence[] }>> {
  const parsed = requestIdSchema.safeParse(raw);
  if (!parsed.success) return NOT_FOUND;
  const found = await requestFor(actor, parsed.data.requestId);
  if (!found) return NOT_FOUND;
  const { request, connection } = found;
  const subject = {
    request,
    teacherId: connection.teacherId,
    studentId: connection.studentId,
    teacherZone: await teacherZone(connection.teacherId),
  };
  const [occurrences] = await previewRequests(actor, [subject], now);
  return { ok: true, data: { occurrences: occurrences! } };
}

type Answer = "approved" | "declined" | "withdrawn";

/** So two answers to one request cannot both win. */
async function lockPending(tx: Transaction, requestId: string): Promise<LessonRequest | null> {
  const [request] = await tx
    .select()
    .from(lessonRequests)
    .where(and(eq(lessonRequests.id, requestId), eq(lessonRequests.status, "pending")))
    .for("update");
  return request ?? null;
}

const ALREADY_ANSWERED: ActionResult<never> = { ok: false, error: "This request has already been answered or withdrawn." };

/** A booking racing in after the clash check hits the exclusion constraint and rolls the whole approval back. */
export async function approveLessonRequest(actor: Viewer, raw: unknown, now = new Date()): Promise<ActionResult<{ lessonIds: string[] }>> {
  const parsed = approveRequestSchema.safeParse(raw);
  if (!parsed.success) return NOT_FOUND;
  const found = await requestFor(actor, parsed.data.requestId);
  if (!found || found.request.requestedById === actor.id) return NOT_FOUND;
  const seriesZone = await teacherZone(found.connection.teacherId);
  const skipped = new Set(parsed.data.skip.map((iso) => new Date(iso).getTime()));

  try {
    return await inTransaction(async (scope): Promise<ActionResult<{ lessonIds: string[] }>> => {
      const connection = await findConnectionFor(actor, found.connection.id, { lock: "share" }, scope.tx);
      if (!connection) return NOT_FOUND;
      await lockSchedules(scope.tx, [connection.teacherId, connection.studentId]);
      const request = await lockPending(scope.tx, found.request.id);
      if (!request) return ALREADY_ANSWERED;
      const wanted = occurrencesOf(request, seriesZone).filter((o) => o.startsAt > now && !skipped.has(o.startsAt.getTime()));
      if (wanted.length === 0) return { ok: false, error: "There is no lesson left to book: every time has passed or was skipped." };
      const [clashes] = await findClashes(scope.tx, actor.id, [
        { teacherId: connection.teacherId, studentId: connection.studentId, occurrences: wanted },
      ]);
      const clashing = wanted.filter((_, index) => clashes![index]);
      if (clashing.length > 0) {
        return clashFailure(clashing, seriesZone, "another lesson", `Skip ${clashing.length === 1 ? "it" : "them"} to approve the rest.`);
      }
      const created = await insertLessons(scope.tx, connection, request, seriesZone, wanted);
      await answer(scope.tx, request.id, actor.id, "approved", now);
      const requester = await recipient(scope.tx, request.requestedById);
      await tell(scope, requester, {
        type: "lesson.approved",
        title: `${actor.name} approved your ${created.length === 1 ? "lesson" : `${created.length} lessons`}`,
        body: `First lesson ${whenFor(requester, wanted[0]!.startsAt)}.`,
        link: created.length === 1 ? `/lessons/${created[0]}` : "/lessons",
      });
      return {
        ok: true,
        message: `${created.length === 1 ? "Lesson" : `${created.length} lessons`} booked.`,
        data: { lessonIds: created },
      };
    });
  } catch (error) {
    if (isExclusionViolation(error)) return { ok: false, error: CONFLICT_MESSAGE };
    throw error;
  }
}

async function answer(tx: Transaction, requestId: string, actorId: string, status: Answer, now: Date, reason?: string) {
  await tx
    .update(lessonRequests)
    .set({ status, respondedAt: now, respondedById: actorId, responseReason: reason ?? null })
    .where(eq(lessonRequests.id, requestId));
}

export async function declineLessonRequest(actor: Viewer, raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = declineRequestSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.some((issue) => issue.path[0] === "reason") ? invalid(parsed.error) : NOT_FOUND;
  const found = await requestFor(actor, parsed.data.requestId);
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

export async function withdrawLessonRequest(actor: Viewer, raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = requestIdSchema.safeParse(raw);
  if (!parsed.success) return NOT_FOUND;
  const found = await requestFor(actor, parsed.data.requestId);
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
