import { and, eq } from "drizzle-orm";
import { assignments, lessons, type Assignment, type User } from "@/db/schema";
import { inTransaction, type TransactionScope } from "@/db/transaction";
import { findAssignmentFor, findConnectionFor, otherPartyId, type AcceptedConnection } from "@/lib/access";
import { failure, invalid, type ActionResult } from "@/lib/actions";
import { notify } from "@/lib/notifications";
import type { NotificationType } from "@/lib/notifications/types";
import { zonedToUtc, parseLocalDateTime } from "@/lib/time";
import {
  assignmentRefSchema,
  completeAssignmentSchema,
  createAssignmentSchema,
  reopenAssignmentSchema,
  updateAssignmentSchema,
} from "./schemas";

/** Who acts: the zone turns a typed due date into an instant. */
export type AssignmentActor = Pick<User, "id" | "role" | "name" | "timezone">;

const NOT_FOUND = failure("not-found", "We couldn't find that assignment.");
const NO_STUDENT = failure("not-found", "We couldn't find that student.");
const TEACHERS_ONLY = failure("forbidden", "Only the teacher who set this assignment can change it.");
const STUDENTS_ONLY = failure("forbidden", "Only the student can mark this assignment done.");
const NOT_THEIR_LESSON = failure("invalid", "Choose one of this student's lessons.", { lessonId: "Choose one of this student's lessons." });

export const assignmentLink = (assignment: Pick<Assignment, "id">) => `/assignments/${assignment.id}`;

function dueInstant(input: { dueDate?: string; dueTime?: string }, zone: string): Date | null {
  if (!input.dueDate) return null;
  return zonedToUtc(parseLocalDateTime(`${input.dueDate}T${input.dueTime ?? "23:59"}`)!, zone);
}

/** A lesson an assignment hangs off must belong to the same connection. */
async function lessonOfConnection(lessonId: string | undefined, connection: AcceptedConnection, scope: TransactionScope) {
  if (!lessonId) return { ok: true as const, lessonId: null };
  const [lesson] = await scope.tx
    .select({ id: lessons.id })
    .from(lessons)
    .where(and(eq(lessons.id, lessonId), eq(lessons.connectionId, connection.id)))
    .limit(1);
  return lesson ? { ok: true as const, lessonId: lesson.id } : { ok: false as const };
}

async function tellOtherParty(
  actor: AssignmentActor,
  connection: AcceptedConnection,
  type: NotificationType,
  title: string,
  body: string | null,
  link: string,
  scope: TransactionScope,
) {
  await notify([otherPartyId(actor, connection)], { type, title, body: body ?? undefined, link }, scope);
}

export async function createAssignment(actor: AssignmentActor, raw: unknown): Promise<ActionResult<{ assignment: Assignment }>> {
  if (actor.role !== "teacher") return failure("forbidden", "Only teachers set assignments.");
  const parsed = createAssignmentSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  return inTransaction(async (scope) => {
    const connection = await findConnectionFor(actor, input.connectionId, { as: "teacher", lock: "share" }, scope.tx);
    if (!connection) return NO_STUDENT;
    const lesson = await lessonOfConnection(input.lessonId, connection, scope);
    if (!lesson.ok) return NOT_THEIR_LESSON;
    const [assignment] = await scope.tx
      .insert(assignments)
      .values({
        connectionId: connection.id,
        lessonId: lesson.lessonId,
        title: input.title,
        instructions: input.instructions,
        dueAt: dueInstant(input, actor.timezone),
      })
      .returning();
    await tellOtherParty(
      actor,
      connection,
      "assignment.set",
      `${actor.name} set “${input.title}”`,
      input.instructions,
      assignmentLink(assignment!),
      scope,
    );
    return { ok: true, message: "Assignment set.", data: { assignment: assignment! } };
  });
}

/** The one path of every change to an existing assignment: find it within the actor's connections, then the role check. */
function changeAssignment<T>(
  actor: AssignmentActor,
  assignmentId: string,
  role: "teacher" | "student",
  change: (found: { assignment: Assignment; connection: AcceptedConnection }, scope: TransactionScope) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  return inTransaction(async (scope) => {
    const found = await findAssignmentFor(actor, assignmentId, scope.tx);
    if (!found) return NOT_FOUND;
    if (actor.role !== role) return role === "teacher" ? TEACHERS_ONLY : STUDENTS_ONLY;
    return change(found, scope);
  });
}

const setTo = async (scope: TransactionScope, id: string, values: Partial<typeof assignments.$inferInsert>) =>
  (await scope.tx.update(assignments).set(values).where(eq(assignments.id, id)).returning())[0]!;

export async function updateAssignment(actor: AssignmentActor, raw: unknown): Promise<ActionResult<{ assignment: Assignment }>> {
  const parsed = updateAssignmentSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const input = parsed.data;
  return changeAssignment(actor, input.assignmentId, "teacher", async (found, scope) => {
    const lesson = await lessonOfConnection(input.lessonId, found.connection, scope);
    if (!lesson.ok) return NOT_THEIR_LESSON;
    const assignment = await setTo(scope, found.assignment.id, {
      lessonId: lesson.lessonId,
      title: input.title,
      instructions: input.instructions,
      dueAt: dueInstant(input, actor.timezone),
    });
    await tellOtherParty(
      actor,
      found.connection,
      "assignment.changed",
      `${actor.name} changed “${input.title}”`,
      null,
      assignmentLink(assignment),
      scope,
    );
    return { ok: true, message: "Assignment updated.", data: { assignment } };
  });
}

export async function deleteAssignment(actor: AssignmentActor, raw: unknown): Promise<ActionResult> {
  const parsed = assignmentRefSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  return changeAssignment(actor, parsed.data.assignmentId, "teacher", async (found, scope) => {
    await scope.tx.delete(assignments).where(eq(assignments.id, found.assignment.id));
    await tellOtherParty(
      actor,
      found.connection,
      "assignment.changed",
      `${actor.name} removed “${found.assignment.title}”`,
      null,
      "/assignments",
      scope,
    );
    return { ok: true, message: "Assignment deleted." };
  });
}

export async function completeAssignment(
  actor: AssignmentActor,
  raw: unknown,
  now = new Date(),
): Promise<ActionResult<{ assignment: Assignment }>> {
  const parsed = completeAssignmentSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { assignmentId, note } = parsed.data;
  return changeAssignment(actor, assignmentId, "student", async (found, scope) => {
    if (found.assignment.completedAt) return { ok: true, message: "Already marked done.", data: { assignment: found.assignment } };
    const assignment = await setTo(scope, found.assignment.id, { completedAt: now, completionNote: note });
    const title = `${actor.name} completed “${found.assignment.title}”`;
    await tellOtherParty(actor, found.connection, "assignment.completed", title, note, assignmentLink(assignment), scope);
    return { ok: true, message: "Marked done.", data: { assignment } };
  });
}

/** The student's undo: back to open, their note with it. */
export async function uncompleteAssignment(actor: AssignmentActor, raw: unknown): Promise<ActionResult<{ assignment: Assignment }>> {
  const parsed = assignmentRefSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  return changeAssignment(actor, parsed.data.assignmentId, "student", async (found, scope) => {
    if (!found.assignment.completedAt) return { ok: true, message: "It is already open.", data: { assignment: found.assignment } };
    const assignment = await setTo(scope, found.assignment.id, { completedAt: null, completionNote: null });
    const title = `${actor.name} marked “${found.assignment.title}” as not done yet`;
    await tellOtherParty(actor, found.connection, "assignment.changed", title, null, assignmentLink(assignment), scope);
    return { ok: true, message: "Marked not done.", data: { assignment } };
  });
}

/** The teacher sends completed work back with a comment saying what to do again. */
export async function reopenAssignment(
  actor: AssignmentActor,
  raw: unknown,
  now = new Date(),
): Promise<ActionResult<{ assignment: Assignment }>> {
  const parsed = reopenAssignmentSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { assignmentId, comment } = parsed.data;
  return changeAssignment(actor, assignmentId, "teacher", async (found, scope) => {
    if (!found.assignment.completedAt) return failure("invalid", "Only a completed assignment can be reopened.");
    const assignment = await setTo(scope, found.assignment.id, {
      completedAt: null,
      completionNote: null,
      reopenedAt: now,
      reopenComment: comment,
    });
    const title = `${actor.name} reopened “${found.assignment.title}”`;
    await tellOtherParty(actor, found.connection, "assignment.reopened", title, comment, assignmentLink(assignment), scope);
    return { ok: true, message: "Assignment reopened.", data: { assignment } };
  });
}
