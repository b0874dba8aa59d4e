import { and, eq, gt, isNull, or, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { connections, teacherNotes, type Connection, type ConnectionStatus, type TeacherNote, type User } from "@/db/schema";
import { DAY } from "@/lib/time";

/** Who is asking: the only fields the rules below read. */
export type ConnectionActor = Pick<User, "id" | "role" | "name" | "email" | "emailVerifiedAt">;

export const INVITATION_TTL_MS = 30 * DAY;

/** The answer every refusal gets, so a stranger cannot tell "exists but not yours" from "does not exist". */
export const NOT_FOUND = { ok: false, error: "We couldn't find that connection." } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** A pending invitation is usable for 30 days; older ones read as expired everywhere. */
export const invitationCutoff = (now: Date) => new Date(now.getTime() - INVITATION_TTL_MS);
export const isExpired = (connection: Pick<Connection, "status" | "invitedAt">, now = new Date()) =>
  connection.status === "pending" && connection.invitedAt <= invitationCutoff(now);

/** SQL: the rows the actor is a party to, in the role their account has. */
export function memberOf(actor: Pick<ConnectionActor, "id" | "role">): SQL {
  return actor.role === "teacher" ? eq(connections.teacherId, actor.id) : eq(connections.studentId, actor.id);
}

/**
 * SQL: live pending invitations addressed to this student — by account, or by their address while no
 * account is attached. Only a verified address counts, so nobody sees an invitation by signing up
 * with someone else's email.
 */
export function invitationsAddressedTo(actor: ConnectionActor, now = new Date()): SQL {
  if (actor.role !== "student" || !actor.emailVerifiedAt) return sql`false`;
  return and(
    eq(connections.status, "pending"),
    gt(connections.invitedAt, invitationCutoff(now)),
    or(
      eq(connections.studentId, actor.id),
      and(isNull(connections.studentId), sql`lower(${connections.invitedEmail}) = lower(${actor.email})`),
    ),
  )!;
}

export interface FindOptions {
  /** The side the actor must be on. */
  as?: "teacher" | "student";
  /** The status the connection must have. */
  status?: ConnectionStatus;
  /** Lock the row for the rest of the transaction. */
  forUpdate?: boolean;
}

/**
 * The one authorization rule for connection-scoped work: the connection if the actor is a party to it
 * (on the required side, in the required status), otherwise null — callers answer "not found".
 */
export async function findConnectionFor(
  actor: Pick<ConnectionActor, "id" | "role">,
  connectionId: unknown,
  options: FindOptions = {},
  executor: Executor = db,
): Promise<Connection | null> {
  if (!isUuid(connectionId)) return null;
  const side = options.as ?? actor.role;
  if (side !== actor.role) return null;
  const conditions = [eq(connections.id, connectionId), memberOf(actor)];
  if (options.status) conditions.push(eq(connections.status, options.status));
  const query = executor.select().from(connections).where(and(...conditions)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** A live invitation the actor (a student) may accept or decline, or null. */
export async function findInvitationFor(
  actor: ConnectionActor,
  connectionId: unknown,
  executor: Executor = db,
  now = new Date(),
): Promise<Connection | null> {
  if (!isUuid(connectionId)) return null;
  const [row] = await executor
    .select()
    .from(connections)
    .where(and(eq(connections.id, connectionId), invitationsAddressedTo(actor, now)))
    .limit(1)
    .for("update");
  return row ?? null;
}

/** The accepted connection between a teacher and a student, if the actor is its teacher. */
export async function assertTeacherOf(
  actor: Pick<ConnectionActor, "id" | "role">,
  connectionId: unknown,
  executor: Executor = db,
): Promise<Connection | null> {
  return findConnectionFor(actor, connectionId, { as: "teacher", status: "accepted" }, executor);
}

/** Whether two users share an accepted connection (in either direction). */
export async function isConnected(actorId: string, otherUserId: string, executor: Executor = db): Promise<boolean> {
  if (!isUuid(actorId) || !isUuid(otherUserId)) return false;
  const [row] = await executor
    .select({ id: connections.id })
    .from(connections)
    .where(
      and(
        eq(connections.status, "accepted"),
        or(
          and(eq(connections.teacherId, actorId), eq(connections.studentId, otherUserId)),
          and(eq(connections.teacherId, otherUserId), eq(connections.studentId, actorId)),
        ),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * Whether the actor may send a message on this connection now: a party to an accepted connection
 * that the teacher has not locked. The messaging code must call this on the server for every send.
 */
export async function canSendMessage(actor: Pick<ConnectionActor, "id" | "role">, connectionId: unknown, executor: Executor = db): Promise<boolean> {
  const connection = await findConnectionFor(actor, connectionId, { status: "accepted" }, executor);
  return Boolean(connection && !connection.messagingLocked);
}

/** A private note and its connection, if the actor is the teacher of that (accepted) connection. */
export async function findNoteFor(
  actor: Pick<ConnectionActor, "id" | "role">,
  noteId: unknown,
  executor: Executor = db,
): Promise<{ note: TeacherNote; connection: Connection } | null> {
  if (!isUuid(noteId)) return null;
  const [note] = await executor.select().from(teacherNotes).where(eq(teacherNotes.id, noteId)).limit(1);
  if (!note) return null;
  const connection = await assertTeacherOf(actor, note.connectionId, executor);
  return connection ? { note, connection } : null;
}
