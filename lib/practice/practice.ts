import { and, eq } from "drizzle-orm";
import { assignments, connections, practiceEntries, type PracticeEntry, type User } from "@/db/schema";
import { inTransaction, type TransactionScope } from "@/db/transaction";
import { findConnectionFor, findPracticeEntryFor, type AcceptedConnection } from "@/lib/access";
import { failure, invalid, type ActionFailure, type ActionResult } from "@/lib/actions";
import { addDaysToIsoDate, formatIsoDate } from "@/lib/time";
import { logPracticeSchema, practiceGoalSchema, practiceRefSchema, updatePracticeSchema } from "./schemas";

export type PracticeActor = Pick<User, "id" | "role" | "name" | "timezone">;

const NOT_FOUND = failure("not-found", "We couldn't find that practice entry.");
const NO_TEACHER = failure("not-found", "We couldn't find that teacher.");
const STUDENTS_ONLY = failure("forbidden", "Only students log practice.");
const NOT_THEIR_ASSIGNMENT = failure("invalid", "Choose one of your assignments from this teacher.", {
  assignmentId: "Choose one of your assignments from this teacher.",
});
/** A year back covers catching up on a paper log; older entries are more likely a typo than a memory. */
const OLDEST_LOGGABLE_DAYS = 366;

function checkDay(day: string, zone: string, now: Date): ActionFailure | null {
  const today = formatIsoDate(now, zone);
  if (day > today)
    return failure("invalid", "You can't log practice for a day that hasn't happened yet.", {
      practicedOn: "Choose today or an earlier day.",
    });
  if (day < addDaysToIsoDate(today, -OLDEST_LOGGABLE_DAYS))
    return failure("invalid", "Practice can be logged for the past year only.", { practicedOn: "Choose a day within the past year." });
  return null;
}

async function assignmentOfConnection(assignmentId: string | undefined, connection: AcceptedConnection, scope: TransactionScope) {
  if (!assignmentId) return { ok: true as const, assignmentId: null };
  const [row] = await scope.tx
    .select({ id: assignments.id })
    .from(assignments)
    .where(and(eq(assignments.id, assignmentId), eq(assignments.connectionId, connection.id)))
    .limit(1);
  return row ? { ok: true as const, assignmentId: row.id } : { ok: false as const };
}

export async function logPractice(actor: PracticeActor, raw: unknown, now = new Date()): Promise<ActionResult<{ entry: PracticeEntry }>> {
  if (actor.role !== "student") return STUDENTS_ONLY;
  const parsed = logPracticeSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  const refused = checkDay(input.practicedOn, actor.timezone, now);
  if (refused) return refused;
  return inTransaction(async (scope) => {
    const connection = await findConnectionFor(actor, input.connectionId, { as: "student", lock: "share" }, scope.tx);
    if (!connection) return NO_TEACHER;
    const assignment = await assignmentOfConnection(input.assignmentId, connection, scope);
    if (!assignment.ok) return NOT_THEIR_ASSIGNMENT;
    const [entry] = await scope.tx
      .insert(practiceEntries)
      .values({
        connectionId: connection.id,
        assignmentId: assignment.assignmentId,
        practicedOn: input.practicedOn,
        minutes: input.minutes,
        note: input.note,
      })
      .returning();
    return { ok: true, message: `Logged ${input.minutes} minutes.`, data: { entry: entry! } };
  });
}

export async function updatePractice(
  actor: PracticeActor,
  raw: unknown,
  now = new Date(),
): Promise<ActionResult<{ entry: PracticeEntry }>> {
  const parsed = updatePracticeSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  return inTransaction(async (scope) => {
    const found = await findPracticeEntryFor(actor, input.entryId, scope.tx);
    if (!found) return NOT_FOUND;
    if (actor.role !== "student") return STUDENTS_ONLY;
    const refused = checkDay(input.practicedOn, actor.timezone, now);
    if (refused) return refused;
    const assignment = await assignmentOfConnection(input.assignmentId, found.connection, scope);
    if (!assignment.ok) return NOT_THEIR_ASSIGNMENT;
    const [entry] = await scope.tx
      .update(practiceEntries)
      .set({ practicedOn: input.practicedOn, minutes: input.minutes, assignmentId: assignment.assignmentId, note: input.note })
      .where(eq(practiceEntries.id, found.entry.id))
      .returning();
    return { ok: true, message: "Practice updated.", data: { entry: entry! } };
  });
}

export async function deletePractice(actor: PracticeActor, raw: unknown): Promise<ActionResult> {
  const parsed = practiceRefSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  return inTransaction(async (scope) => {
    const found = await findPracticeEntryFor(actor, parsed.data.entryId, scope.tx);
    if (!found) return NOT_FOUND;
    if (actor.role !== "student") return STUDENTS_ONLY;
    await scope.tx.delete(practiceEntries).where(eq(practiceEntries.id, found.entry.id));
    return { ok: true, message: "Practice entry deleted." };
  });
}

/** The teacher's weekly target for one student; empty clears it. */
export async function setPracticeGoal(actor: PracticeActor, raw: unknown): Promise<ActionResult<{ minutes: number | null }>> {
  if (actor.role !== "teacher") return failure("forbidden", "Only teachers set practice goals.");
  const parsed = practiceGoalSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const minutes = parsed.data.minutes ?? null;
  return inTransaction(async ({ tx }) => {
    const connection = await findConnectionFor(actor, parsed.data.connectionId, { as: "teacher", lock: "update" }, tx);
    if (!connection) return failure("not-found", "We couldn't find that student.");
    await tx.update(connections).set({ practiceGoalMinutes: minutes }).where(eq(connections.id, connection.id));
    return { ok: true, message: minutes ? `Weekly goal set to ${minutes} minutes.` : "Weekly goal removed.", data: { minutes } };
  });
}
