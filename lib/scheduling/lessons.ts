import { and, eq, gt, gte, inArray, isNull } from "drizzle-orm";
import type { ZodError } from "zod";
import { db, type Transaction } from "@/db";
import { isExclusionViolation, isUniqueViolation } from "@/db/errors";
import { inTransaction } from "@/db/transaction";
import { lessonRequests, lessons, lessonSeries, rescheduleRequests, type Connection, type Lesson } from "@/db/schema";
import { findLessonFor, otherPartyId, type Viewer } from "@/lib/access";
import { invalid, type ActionResult } from "@/lib/actions";
import { NOT_FOUND, TEACHER_ONLY } from "./answers";
import { CONFLICT_MESSAGE, findClashes, lockSchedules, type Clash } from "./conflicts";
import { recipient, tell, whenFor } from "./notices";
import { instantFromForm } from "./series";
import { attendanceSchema, cancelLessonSchema, proposeRescheduleSchema, rescheduleIdSchema, SCHEDULING_LIMITS } from "./schemas";
import { DAY, describeClockChange, parseLocalDateTime } from "@/lib/time";

/** A malformed id is answered like an unknown one. */
function rejectInput(error: ZodError): ActionResult<never> {
  const onlyIds = error.issues.every((issue) => ["lessonId", "rescheduleId"].includes(String(issue.path[0])));
  return onlyIds ? NOT_FOUND : invalid(error);
}

/** Lock order (see lib/access): lesson rows before their proposals. */

/** They were made against the lesson's old time. */
async function supersedeProposals(tx: Transaction, lessonIds: string[], now: Date): Promise<void> {
  if (lessonIds.length === 0) return;
  await tx
    .update(rescheduleRequests)
    .set({ status: "superseded", respondedAt: now })
    .where(and(inArray(rescheduleRequests.lessonId, lessonIds), eq(rescheduleRequests.status, "pending")));
}

const isUpcoming = (lesson: Lesson, now: Date) => lesson.status === "scheduled" && lesson.startsAt > now;

/** The other party's clashes are checked again on approval, under the constraint. */
export async function proposeReschedule(actor: Viewer, raw: unknown, now = new Date()): Promise<ActionResult<{ rescheduleId: string }>> {
  const parsed = proposeRescheduleSchema.safeParse(raw);
  if (!parsed.success) return rejectInput(parsed.error);
  const input = parsed.data;
  const lesson = await findLessonFor(actor, input.lessonId);
  if (!lesson) return NOT_FOUND;
  if (!isUpcoming(lesson, now)) return { ok: false, error: "Only upcoming lessons can be moved." };

  const newStartsAt = instantFromForm(input.date, input.time, input.timezone);
  const clockNote = describeClockChange(parseLocalDateTime(`${input.date}T${input.time}`)!, input.timezone);
  const newEndsAt = new Date(newStartsAt.getTime() + (lesson.endsAt.getTime() - lesson.startsAt.getTime()));
  if (newStartsAt <= now)
    return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { date: "Choose a time in the future." } };
  if (newStartsAt.getTime() > now.getTime() + SCHEDULING_LIMITS.horizonDays * DAY)
    return {
      ok: false,
      error: "Please correct the highlighted fields.",
      fieldErrors: { date: "Lessons can be booked up to a year ahead." },
    };
  if (newStartsAt.getTime() === lesson.startsAt.getTime()) return { ok: false, error: "That is the lesson's current time." };
  const [[clash]] = (await findClashes(db, actor.id, [
    {
      teacherId: lesson.teacherId,
      studentId: lesson.studentId,
      occurrences: [{ startsAt: newStartsAt, endsAt: newEndsAt }],
      excludeLessonId: lesson.id,
    },
  ])) as [[Clash | null]];
  if (clash)
    return {
      ok: false,
      error: clash.with === "you" ? "You have another lesson at that time." : "The other party has another lesson at that time.",
    };

  try {
    return await inTransaction(async (scope) => {
      const locked = await findLessonFor(actor, lesson.id, { lock: "update" }, scope.tx);
      if (!locked || !isUpcoming(locked, now)) return { ok: false as const, error: "This lesson has changed. Reload and try again." };
      await supersedeProposals(scope.tx, [lesson.id], now);
      const [proposal] = await scope.tx
        .insert(rescheduleRequests)
        .values({
          lessonId: lesson.id,
          proposedById: actor.id,
          fromStartsAt: locked.startsAt,
          fromEndsAt: locked.endsAt,
          newStartsAt,
          newEndsAt,
          reason: input.reason,
        })
        .returning({ id: rescheduleRequests.id });
      const other = await recipient(scope.tx, otherPartyId(actor, locked));
      await tell(scope, other, {
        type: "lesson.reschedule_proposed",
        title: `${actor.name} proposed moving a lesson`,
        body: `From ${whenFor(other, locked.startsAt)} to ${whenFor(other, newStartsAt)}.`,
        link: `/lessons/${lesson.id}`,
      });
      return { ok: true as const, message: `Proposal sent.${clockNote ? ` ${clockNote}` : ""}`, data: { rescheduleId: proposal!.id } };
    });
  } catch (error) {
    // Two proposals for one lesson at the same instant: the unique pending index keeps one.
    if (isUniqueViolation(error)) return { ok: false, error: "Another proposal for this lesson was just made. Reload and try again." };
    throw error;
  }
}

/** Locked after its lesson (the lock order); approving one books time, so the parties' schedules come first. */
async function lockProposal(tx: Transaction, actor: Viewer, rescheduleId: string, { booking = false } = {}) {
  const [target] = await tx
    .select({ lessonId: rescheduleRequests.lessonId, teacherId: lessons.teacherId, studentId: lessons.studentId })
    .from(rescheduleRequests)
    .innerJoin(lessons, eq(lessons.id, rescheduleRequests.lessonId))
    .where(eq(rescheduleRequests.id, rescheduleId));
  if (!target) return null;
  if (booking) await lockSchedules(tx, [target.teacherId, target.studentId]);
  const lesson = await findLessonFor(actor, target.lessonId, { lock: "update" }, tx);
  if (!lesson) return null;
  const [proposal] = await tx
    .select()
    .from(rescheduleRequests)
    .where(and(eq(rescheduleRequests.id, rescheduleId), eq(rescheduleRequests.status, "pending")))
    .for("update");
  return proposal ? { proposal, lesson } : null;
}

export async function approveReschedule(actor: Viewer, raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = rescheduleIdSchema.safeParse(raw);
  if (!parsed.success) return NOT_FOUND;
  try {
    return await inTransaction(async (scope): Promise<ActionResult> => {
      const found = await lockProposal(scope.tx, actor, parsed.data.rescheduleId, { booking: true });
      if (!found || found.proposal.proposedById === actor.id) return NOT_FOUND;
      const { proposal, lesson } = found;
      const stale =
        !isUpcoming(lesson, now) || lesson.startsAt.getTime() !== proposal.fromStartsAt.getTime() || proposal.newStartsAt <= now;
      if (stale) {
        await supersedeProposals(scope.tx, [lesson.id], now);
        return { ok: false, error: "This proposal no longer applies: the lesson has changed since." };
      }
      await scope.tx.update(lessons).set({ startsAt: proposal.newStartsAt, endsAt: proposal.newEndsAt }).where(eq(lessons.id, lesson.id));
      await scope.tx
        .update(rescheduleRequests)
        .set({ status: "approved", respondedAt: now, respondedById: actor.id })
        .where(eq(rescheduleRequests.id, proposal.id));
      const proposer = await recipient(scope.tx, proposal.proposedById);
      await tell(scope, proposer, {
        type: "lesson.rescheduled",
        title: `${actor.name} accepted the new time`,
        body: `The lesson is now ${whenFor(proposer, proposal.newStartsAt)}.`,
        link: `/lessons/${lesson.id}`,
      });
      return { ok: true, message: "Lesson moved." };
    });
  } catch (error) {
    if (isExclusionViolation(error)) return { ok: false, error: CONFLICT_MESSAGE };
    throw error;
  }
}

export async function declineReschedule(actor: Viewer, raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = rescheduleIdSchema.safeParse(raw);
  if (!parsed.success) return NOT_FOUND;
  return inTransaction(async (scope): Promise<ActionResult> => {
    const found = await lockProposal(scope.tx, actor, parsed.data.rescheduleId);
    if (!found || found.proposal.proposedById === actor.id) return NOT_FOUND;
    await scope.tx
      .update(rescheduleRequests)
      .set({ status: "declined", respondedAt: now, respondedById: actor.id })
      .where(eq(rescheduleRequests.id, found.proposal.id));
    const proposer = await recipient(scope.tx, found.proposal.proposedById);
    await tell(scope, proposer, {
      type: "lesson.reschedule_declined",
      title: `${actor.name} kept the original time`,
      body: `The lesson stays at ${whenFor(proposer, found.lesson.startsAt)}.`,
      link: `/lessons/${found.lesson.id}`,
    });
    return { ok: true, message: "Proposal declined; the lesson keeps its time." };
  });
}

async function cancel(tx: Transaction, actor: Pick<Viewer, "id">, lessonIds: string[], reason: string, now: Date): Promise<void> {
  if (lessonIds.length === 0) return;
  await tx
    .update(lessons)
    .set({ status: "cancelled", cancelledAt: now, cancelledById: actor.id, cancellationReason: reason })
    .where(inArray(lessons.id, lessonIds));
  await supersedeProposals(tx, lessonIds, now);
}

export async function cancelLesson(actor: Viewer, raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = cancelLessonSchema.safeParse(raw);
  if (!parsed.success) return rejectInput(parsed.error);
  return inTransaction(async (scope): Promise<ActionResult> => {
    const lesson = await findLessonFor(actor, parsed.data.lessonId, { lock: "update" }, scope.tx);
    if (!lesson) return NOT_FOUND;
    if (!isUpcoming(lesson, now)) return { ok: false, error: "Only upcoming lessons can be cancelled." };
    await cancel(scope.tx, actor, [lesson.id], parsed.data.reason, now);
    const other = await recipient(scope.tx, otherPartyId(actor, lesson));
    await tell(scope, other, {
      type: "lesson.cancelled",
      title: `${actor.name} cancelled the lesson on ${whenFor(other, lesson.startsAt)}`,
      body: `Reason: ${parsed.data.reason}`,
      link: `/lessons/${lesson.id}`,
    });
    return { ok: true, message: "Lesson cancelled." };
  });
}

export async function cancelSeriesFrom(actor: Viewer, raw: unknown, now = new Date()): Promise<ActionResult<{ cancelled: number }>> {
  const parsed = cancelLessonSchema.safeParse(raw);
  if (!parsed.success) return rejectInput(parsed.error);
  return inTransaction(async (scope): Promise<ActionResult<{ cancelled: number }>> => {
    const lesson = await findLessonFor(actor, parsed.data.lessonId, { lock: "update" }, scope.tx);
    if (!lesson) return NOT_FOUND;
    if (!lesson.seriesId) return { ok: false, error: "This lesson is not part of a series." };
    if (!isUpcoming(lesson, now)) return { ok: false, error: "Only upcoming lessons can be cancelled." };
    const following = await scope.tx
      .select({ id: lessons.id })
      .from(lessons)
      .where(and(eq(lessons.seriesId, lesson.seriesId), eq(lessons.status, "scheduled"), gte(lessons.startsAt, lesson.startsAt)))
      .for("update");
    const ids = following.map((row) => row.id);
    await cancel(scope.tx, actor, ids, parsed.data.reason, now);
    await scope.tx.update(lessonSeries).set({ endedAt: now }).where(eq(lessonSeries.id, lesson.seriesId));
    const other = await recipient(scope.tx, otherPartyId(actor, lesson));
    await tell(scope, other, {
      type: "lesson.cancelled",
      title: `${actor.name} cancelled ${ids.length} lessons from ${whenFor(other, lesson.startsAt)} on`,
      body: `Reason: ${parsed.data.reason}`,
      link: "/lessons",
    });
    return { ok: true, message: `${ids.length} ${ids.length === 1 ? "lesson" : "lessons"} cancelled.`, data: { cancelled: ids.length } };
  });
}

const attendanceLabels = { present: "present", absent: "absent", late: "late", excused: "excused" } as const;

export async function markAttendance(actor: Viewer, raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = attendanceSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.some((issue) => issue.path[0] === "attendance") ? invalid(parsed.error) : NOT_FOUND;
  return inTransaction(async (scope): Promise<ActionResult> => {
    const lesson = await findLessonFor(actor, parsed.data.lessonId, { lock: "update" }, scope.tx);
    if (!lesson) return NOT_FOUND;
    if (lesson.teacherId !== actor.id) return TEACHER_ONLY;
    if (lesson.status === "cancelled") return { ok: false, error: "This lesson was cancelled." };
    if (lesson.startsAt > now) return { ok: false, error: "Attendance can be recorded once the lesson has started." };
    if (lesson.attendance === parsed.data.attendance) return { ok: true, message: "Attendance unchanged." };
    await scope.tx.update(lessons).set({ attendance: parsed.data.attendance, status: "completed" }).where(eq(lessons.id, lesson.id));
    const student = await recipient(scope.tx, lesson.studentId);
    await tell(scope, student, {
      type: "lesson.attendance",
      title: `Attendance ${lesson.attendance ? "corrected" : "recorded"}: ${attendanceLabels[parsed.data.attendance]}`,
      body: `Your lesson with ${actor.name} on ${whenFor(student, lesson.startsAt)}.`,
      link: `/lessons/${lesson.id}`,
    });
    return { ok: true, message: "Attendance saved." };
  });
}

export const CONNECTION_ENDED_REASON = "Connection ended";

/** Runs in the caller's transaction, which has locked the connection row. */
export async function closeConnectionSchedule(
  tx: Transaction,
  connection: Pick<Connection, "id">,
  actor: Pick<Viewer, "id">,
  now: Date,
): Promise<number> {
  const upcoming = await tx
    .select({ id: lessons.id })
    .from(lessons)
    .where(and(eq(lessons.connectionId, connection.id), eq(lessons.status, "scheduled"), gt(lessons.startsAt, now)))
    .for("update");
  await cancel(
    tx,
    actor,
    upcoming.map((lesson) => lesson.id),
    CONNECTION_ENDED_REASON,
    now,
  );
  // Moves proposed for lessons that have already begun are closed too, or they would reappear on a re-invite.
  const everyLesson = tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.connectionId, connection.id));
  await tx
    .update(rescheduleRequests)
    .set({ status: "superseded", respondedAt: now })
    .where(and(inArray(rescheduleRequests.lessonId, everyLesson), eq(rescheduleRequests.status, "pending")));
  await tx
    .update(lessonRequests)
    .set({ status: "withdrawn", respondedAt: now, respondedById: actor.id, responseReason: CONNECTION_ENDED_REASON })
    .where(and(eq(lessonRequests.connectionId, connection.id), eq(lessonRequests.status, "pending")));
  await tx
    .update(lessonSeries)
    .set({ endedAt: now })
    .where(and(eq(lessonSeries.connectionId, connection.id), isNull(lessonSeries.endedAt)));
  return upcoming.length;
}
