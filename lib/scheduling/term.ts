import { and, asc, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { isExclusionViolation } from "@/db/errors";
import { inTransaction } from "@/db/transaction";
import { connections, lessonRequests, users } from "@/db/schema";
import { invalid, type ActionResult } from "@/lib/actions";
import { acceptedConnectionsOf, type Viewer } from "@/lib/access";
import { addDaysToIsoDate, DAY } from "@/lib/time";
import { plural } from "@/lib/utils";
import { NOT_FOUND } from "./answers";
import { CONFLICT_MESSAGE, findClashes, lockSchedules, type Clash } from "./conflicts";
import { recipient, tell, whenFor } from "./notices";
import { describeCount, insertLessons, teacherZone, type PreviewOccurrence } from "./requests";
import { SCHEDULING_LIMITS, termSchema, type TermInput } from "./schemas";
import { instantFromForm, occurrencesOf, overlaps } from "./series";

export interface TermRow {
  connectionId: string;
  studentId: string;
  studentName: string;
  /** "request": the student is asked to approve the series, and clashes are checked again then. */
  bookingMode: "request" | "direct";
  occurrences: PreviewOccurrence[];
}

/** The first date on or after `from` that falls on ISO weekday `weekday` (1 = Monday). */
function firstOnWeekday(from: string, weekday: number): string {
  const isoWeekday = ((new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return addDaysToIsoDate(from, (weekday - isoWeekday + 7) % 7);
}

/**
 * Every student's weekly lessons over the term with their clashes: with both parties' lessons, the teacher's own
 * events, and each other (two students in one slot: the later row clashes). Two statements for clashes, whatever the
 * number of students.
 */
async function planTerm(
  actor: Viewer,
  input: TermInput,
  now: Date,
  executor: Executor,
): Promise<ActionResult<{ rows: TermRow[]; seriesZone: string }>> {
  const ids = input.students.map((student) => student.connectionId);
  const found = await executor
    .select({
      id: connections.id,
      teacherId: connections.teacherId,
      studentId: connections.studentId,
      bookingMode: connections.bookingMode,
      name: users.name,
    })
    .from(connections)
    .innerJoin(users, eq(users.id, connections.studentId))
    .where(and(acceptedConnectionsOf(actor), inArray(connections.id, ids)))
    .orderBy(asc(connections.id));
  if (actor.role !== "teacher" || found.length !== ids.length) return NOT_FOUND;
  if ((Date.parse(input.endDate) - Date.parse(input.startDate)) / DAY >= SCHEDULING_LIMITS.horizonDays) {
    return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: { endDate: "A term is at most a year long." } };
  }
  const seriesZone = await teacherZone(actor.id, executor);
  const horizon = now.getTime() + SCHEDULING_LIMITS.horizonDays * DAY;
  const planned = input.students.map((student) => {
    const connection = found.find((row) => row.id === student.connectionId)!;
    const first = firstOnWeekday(input.startDate, student.weekday);
    const occurrences =
      first > input.endDate
        ? []
        : occurrencesOf(
            {
              startsAt: instantFromForm(first, student.time, input.timezone),
              durationMinutes: student.durationMinutes,
              intervalWeeks: 1,
              occurrences: null,
              untilDate: input.endDate,
            },
            seriesZone,
          ).filter((occurrence) => occurrence.startsAt > now && occurrence.startsAt.getTime() <= horizon);
    return { connection, occurrences };
  });
  const empty = planned.find((row) => row.occurrences.length === 0);
  if (empty)
    return { ok: false, error: `No lesson for ${empty.connection.name} falls in the term from now on. Check the day and the dates.` };

  const clashes = await findClashes(
    executor,
    actor.id,
    planned.map(({ connection, occurrences }) => ({
      teacherId: connection.teacherId,
      studentId: connection.studentId!,
      occurrences,
      withViewerEvents: true,
    })),
  );
  // A row's lessons are taken once the row is settled, so a student never clashes with their own lessons.
  const taken: PreviewOccurrence[] = [];
  const rows: TermRow[] = [];
  for (const [index, { connection, occurrences }] of planned.entries()) {
    const marked = occurrences.map((occurrence, at): PreviewOccurrence => {
      const earlier = taken.find((other) => overlaps(other, occurrence));
      const clash: Clash | null =
        clashes[index]![at] ?? (earlier ? { startsAt: earlier.startsAt, endsAt: earlier.endsAt, with: "you" } : null);
      return { ...occurrence, clash };
    });
    taken.push(...marked.filter((occurrence) => !occurrence.clash));
    rows.push({
      connectionId: connection.id,
      studentId: connection.studentId!,
      studentName: connection.name,
      bookingMode: connection.bookingMode,
      occurrences: marked,
    });
  }
  return { ok: true, data: { rows, seriesZone } };
}

/** What booking the term would do, clashes marked, before anything is written. */
export async function previewTerm(actor: Viewer, raw: unknown, now = new Date()): Promise<ActionResult<{ rows: TermRow[] }>> {
  const parsed = termSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  return planTerm(actor, parsed.data, now, db);
}

/**
 * A teacher's weekly lessons for several students over one term, in one transaction: students booked directly get
 * their lessons at once, the others a series request to approve. Clashes of direct bookings refuse the whole term
 * unless the teacher leaves those dates out.
 */
export async function bookTerm(
  actor: Viewer,
  raw: unknown,
  now = new Date(),
): Promise<ActionResult<{ lessons: number; requests: number; skipped: number }>> {
  const parsed = termSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  try {
    return await inTransaction(async (scope): Promise<ActionResult<{ lessons: number; requests: number; skipped: number }>> => {
      // Taken for share in id order, so nothing is booked beside a connection ending (see the lock order in lib/access).
      const locked = await scope.tx
        .select({ studentId: connections.studentId })
        .from(connections)
        .where(
          and(
            acceptedConnectionsOf(actor),
            inArray(
              connections.id,
              input.students.map((student) => student.connectionId),
            ),
          ),
        )
        .orderBy(asc(connections.id))
        .for("share");
      await lockSchedules(scope.tx, [actor.id, ...locked.flatMap((row) => (row.studentId ? [row.studentId] : []))]);
      const plan = await planTerm(actor, input, now, scope.tx);
      if (!plan.ok) return plan;
      const { rows, seriesZone } = plan.data;
      const blocking = rows.filter((row) => row.bookingMode === "direct" && row.occurrences.some((o) => o.clash));
      if (blocking.length > 0 && !input.skipClashes) {
        const list = blocking
          .map(
            (row) =>
              `${row.studentName}: ${row.occurrences
                .filter((o) => o.clash)
                .map((o) => whenFor({ timezone: seriesZone }, o.startsAt))
                .join(", ")}`,
          )
          .join("; ");
        return {
          ok: false,
          error: `Some lessons clash with another lesson or event (${list}). Change those times, or leave the clashing dates out.`,
        };
      }

      let booked = 0;
      let requested = 0;
      let skipped = 0;
      for (const row of rows) {
        const slot = input.students.find((student) => student.connectionId === row.connectionId)!;
        const direct = row.bookingMode === "direct";
        const wanted = direct ? row.occurrences.filter((o) => !o.clash) : row.occurrences;
        skipped += row.occurrences.length - wanted.length;
        if (wanted.length === 0) continue;
        const [request] = await scope.tx
          .insert(lessonRequests)
          .values({
            connectionId: row.connectionId,
            requestedById: actor.id,
            startsAt: row.occurrences[0]!.startsAt,
            durationMinutes: slot.durationMinutes,
            intervalWeeks: 1,
            untilDate: input.endDate,
            timezone: input.timezone,
            location: input.location,
            ...(direct ? { status: "approved" as const, respondedAt: now, respondedById: actor.id } : {}),
          })
          .returning();
        const student = await recipient(scope.tx, row.studentId);
        if (direct) {
          const lessonIds = await insertLessons(
            scope.tx,
            { id: row.connectionId, teacherId: actor.id, studentId: student.id },
            request!,
            seriesZone,
            wanted,
          );
          booked += lessonIds.length;
          await tell(scope, student, {
            type: "lesson.booked",
            title: `${actor.name} booked ${describeCount(lessonIds.length, 1)}`,
            body: `First lesson ${whenFor(student, wanted[0]!.startsAt)}, ${slot.durationMinutes} minutes.`,
            link: "/lessons",
          });
        } else {
          requested++;
          await tell(scope, student, {
            type: "lesson.requested",
            title: `${actor.name} asked for ${describeCount(wanted.length, 1)}`,
            body: `Starting ${whenFor(student, wanted[0]!.startsAt)}, ${slot.durationMinutes} minutes.`,
            link: "/lessons",
          });
        }
      }
      const parts = [
        booked > 0 ? `${plural(booked, "lesson")} booked` : null,
        requested > 0 ? `${plural(requested, "request")} sent` : null,
        skipped > 0 ? `${plural(skipped, "clashing lesson")} left out` : null,
      ].filter(Boolean);
      return {
        ok: true,
        message: `${parts.join(", ")}.`.replace(/^./, (first) => first.toUpperCase()),
        data: { lessons: booked, requests: requested, skipped },
      };
    });
  } catch (error) {
    if (isExclusionViolation(error)) return { ok: false, error: CONFLICT_MESSAGE };
    throw error;
  }
}
