import { and, eq, or, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  assignments,
  connections,
  lessons,
  practiceEntries,
  teacherNotes,
  type Assignment,
  type Connection,
  type Lesson,
  type PracticeEntry,
  type TeacherNote,
} from "@/db/schema";
import type { ComposerState } from "@/lib/messaging/types";
import { parseId } from "./ids";
import {
  acceptedConnectionsOf,
  assignmentsOf,
  connectionsOf,
  invitationsAddressedTo,
  isAccepted,
  lessonsOf,
  notesOf,
  practiceOf,
  sharedHistoryOf,
} from "./scopes";
import type { Viewer, ViewerWithEmail } from "./viewer";

export type AcceptedConnection = Connection & { studentId: string };

export type ConnectionState = "accepted" | "history" | "pending";

export interface FindConnectionOptions {
  as?: "teacher" | "student";
  state?: ConnectionState;
  /** `share` when work hanging off the connection must not race with it ending (see the lock order in lib/access). */
  lock?: "update" | "share";
}

const inState = (viewer: Pick<Viewer, "id" | "role">, state: ConnectionState): SQL =>
  state === "accepted"
    ? acceptedConnectionsOf(viewer)
    : state === "history"
      ? sharedHistoryOf(viewer)
      : and(connectionsOf(viewer), eq(connections.status, "pending"))!;

/** Null, not an error: a stranger cannot tell "not yours" from "no such id". */
export async function findConnectionFor(
  viewer: Pick<Viewer, "id" | "role">,
  connectionId: unknown,
  options?: FindConnectionOptions & { state?: "accepted" },
  executor?: Executor,
): Promise<AcceptedConnection | null>;
export async function findConnectionFor(
  viewer: Pick<Viewer, "id" | "role">,
  connectionId: unknown,
  options: FindConnectionOptions,
  executor?: Executor,
): Promise<Connection | null>;
export async function findConnectionFor(
  viewer: Pick<Viewer, "id" | "role">,
  connectionId: unknown,
  options: FindConnectionOptions = {},
  executor: Executor = db,
): Promise<Connection | null> {
  const id = parseId(connectionId);
  if (!id || (options.as ?? viewer.role) !== viewer.role) return null;
  const query = executor
    .select()
    .from(connections)
    .where(and(eq(connections.id, id), inState(viewer, options.state ?? "accepted")))
    .limit(1);
  const [row] = options.lock ? await query.for(options.lock) : await query;
  return row ?? null;
}

export async function findInvitationFor(
  viewer: ViewerWithEmail,
  connectionId: unknown,
  executor: Executor = db,
  now = new Date(),
): Promise<Connection | null> {
  const id = parseId(connectionId);
  if (!id) return null;
  const [row] = await executor
    .select()
    .from(connections)
    .where(and(eq(connections.id, id), invitationsAddressedTo(viewer, now)))
    .limit(1)
    .for("update");
  return row ?? null;
}

export async function isConnected(viewerId: string, otherUserId: string, executor: Executor = db): Promise<boolean> {
  const [one, other] = [parseId(viewerId), parseId(otherUserId)];
  if (!one || !other) return false;
  const [row] = await executor
    .select({ id: connections.id })
    .from(connections)
    .where(
      or(
        and(acceptedConnectionsOf({ id: one, role: "teacher" }), eq(connections.studentId, other)),
        and(acceptedConnectionsOf({ id: one, role: "student" }), eq(connections.teacherId, other)),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** An ended connection is read-only for both; the lock pauses the student only, so the teacher can still explain why. */
export function composerStateFor(viewer: Pick<Viewer, "role">, connection: Pick<Connection, "status" | "messagingLocked">): ComposerState {
  if (!isAccepted(connection)) return "ended";
  return viewer.role === "student" && connection.messagingLocked ? "locked" : "open";
}

export interface Conversation {
  connection: AcceptedConnection;
  composer: ComposerState;
}

/** A conversation the viewer may read: an accepted connection, or the history of an ended one. Null for anyone else. */
export async function findConversationFor(
  viewer: Pick<Viewer, "id" | "role">,
  connectionId: unknown,
  options: Pick<FindConnectionOptions, "lock"> = {},
  executor: Executor = db,
): Promise<Conversation | null> {
  const connection = await findConnectionFor(viewer, connectionId, { state: "history", lock: options.lock }, executor);
  return connection ? { connection: connection as AcceptedConnection, composer: composerStateFor(viewer, connection) } : null;
}

/** The messaging code must call this on the server for every send. */
export async function canSendMessage(
  viewer: Pick<Viewer, "id" | "role">,
  connectionId: unknown,
  executor: Executor = db,
): Promise<boolean> {
  return (await findConversationFor(viewer, connectionId, {}, executor))?.composer === "open";
}

export async function findNoteFor(
  viewer: Pick<Viewer, "id" | "role">,
  noteId: unknown,
  executor: Executor = db,
): Promise<{ note: TeacherNote; connection: AcceptedConnection } | null> {
  const id = parseId(noteId);
  if (!id) return null;
  const [note] = await executor
    .select()
    .from(teacherNotes)
    .where(and(eq(teacherNotes.id, id), notesOf(viewer)))
    .limit(1);
  if (!note) return null;
  const connection = await findConnectionFor(viewer, note.connectionId, { as: "teacher" }, executor);
  return connection ? { note, connection } : null;
}

export async function findLessonFor(
  viewer: Pick<Viewer, "id" | "role">,
  lessonId: unknown,
  options: { lock?: "update" } = {},
  executor: Executor = db,
): Promise<Lesson | null> {
  const id = parseId(lessonId);
  if (!id) return null;
  const query = executor
    .select()
    .from(lessons)
    .where(and(eq(lessons.id, id), lessonsOf(viewer)))
    .limit(1);
  const [row] = options.lock ? await query.for(options.lock) : await query;
  return row ?? null;
}

/**
 * An assignment of one of the viewer's accepted connections, with that connection taken `for share` first (the lock
 * order in lib/access) so the connection cannot end under the change; the assignment row itself `for update`.
 */
export async function findAssignmentFor(
  viewer: Pick<Viewer, "id" | "role">,
  assignmentId: unknown,
  executor: Executor = db,
): Promise<{ assignment: Assignment; connection: AcceptedConnection } | null> {
  const id = parseId(assignmentId);
  if (!id) return null;
  const [found] = await executor
    .select({ connectionId: assignments.connectionId })
    .from(assignments)
    .where(and(eq(assignments.id, id), assignmentsOf(viewer)))
    .limit(1);
  if (!found) return null;
  const connection = await findConnectionFor(viewer, found.connectionId, { lock: "share" }, executor);
  if (!connection) return null;
  const [assignment] = await executor.select().from(assignments).where(eq(assignments.id, id)).limit(1).for("update");
  return assignment ? { assignment, connection } : null;
}

/** A practice entry of the viewer's accepted connections, locked like an assignment. */
export async function findPracticeEntryFor(
  viewer: Pick<Viewer, "id" | "role">,
  entryId: unknown,
  executor: Executor = db,
): Promise<{ entry: PracticeEntry; connection: AcceptedConnection } | null> {
  const id = parseId(entryId);
  if (!id) return null;
  const [found] = await executor
    .select({ connectionId: practiceEntries.connectionId })
    .from(practiceEntries)
    .where(and(eq(practiceEntries.id, id), practiceOf(viewer)))
    .limit(1);
  if (!found) return null;
  const connection = await findConnectionFor(viewer, found.connectionId, { lock: "share" }, executor);
  if (!connection) return null;
  const [entry] = await executor.select().from(practiceEntries).where(eq(practiceEntries.id, id)).limit(1).for("update");
  return entry ? { entry, connection } : null;
}
