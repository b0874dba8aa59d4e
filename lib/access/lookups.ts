import { and, eq, or, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { connections, lessons, teacherNotes, type Connection, type Lesson, type TeacherNote } from "@/db/schema";
import { parseId } from "./ids";
import { acceptedConnectionsOf, connectionsOf, invitationsAddressedTo, lessonsOf, notesOf, sharedHistoryOf } from "./scopes";
import type { Viewer, ViewerWithEmail } from "./viewer";

/** An accepted connection always has its student. */
export type AcceptedConnection = Connection & { studentId: string };

/**
 * Which connections a lookup may find: `accepted` (the default; everything shared hangs off these),
 * `history` (accepted or ended, read-only pages), `pending` (a teacher's own open invitation).
 */
export type ConnectionState = "accepted" | "history" | "pending";

export interface FindConnectionOptions {
  /** The side the viewer must be on. */
  as?: "teacher" | "student";
  state?: ConnectionState;
  /**
   * `update` when the connection itself changes; `share` when work hanging off it (a request, its
   * lessons) must not race with the connection ending. See the lock order in `lib/access`.
   */
  lock?: "update" | "share";
}

const inState = (viewer: Pick<Viewer, "id" | "role">, state: ConnectionState): SQL =>
  state === "accepted"
    ? acceptedConnectionsOf(viewer)
    : state === "history"
      ? sharedHistoryOf(viewer)
      : and(connectionsOf(viewer), eq(connections.status, "pending"))!;

/**
 * The connection if the viewer is a party to it (on the required side, in the required state),
 * otherwise null: callers answer "not found", so a stranger cannot tell "not yours" from "no such id".
 */
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

/** A live invitation the viewer (a student) may accept or decline, locked for the calling transaction, or null. */
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

/** Whether two users share an accepted connection (in either direction). */
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

/**
 * Whether the viewer may send a message on this connection now: a party to an accepted connection
 * that the teacher has not locked. The messaging code must call this on the server for every send.
 */
export async function canSendMessage(
  viewer: Pick<Viewer, "id" | "role">,
  connectionId: unknown,
  executor: Executor = db,
): Promise<boolean> {
  const connection = await findConnectionFor(viewer, connectionId, {}, executor);
  return Boolean(connection && !connection.messagingLocked);
}

/** A private note and its connection, if the viewer is the teacher of that (accepted) connection. */
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

/**
 * The lesson, if the viewer is its teacher or student and their connection is still accepted.
 * `lock: "update"` locks the lesson row (only it) for the calling transaction.
 */
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
