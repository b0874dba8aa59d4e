import { and, eq, gt, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { calendarEvents, connections, lessonRequests, lessons, rescheduleRequests, teacherNotes, type Connection } from "@/db/schema";
import type { Viewer, ViewerWithEmail } from "./viewer";

/**
 * Drizzle conditions for "what this viewer may see", to put in a `where` (they need no join). Every
 * read and write of shared data builds from `acceptedConnectionsOf`: the one place that says a
 * connection shares anything only while it is accepted, and only with its two parties.
 */

/** Connections the viewer is a party to, on the side their account has, in any state. */
export const connectionsOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  viewer.role === "teacher" ? eq(connections.teacherId, viewer.id) : eq(connections.studentId, viewer.id);

/** The rule: an accepted connection, and the viewer is a party of it. */
export const acceptedConnectionsOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  and(connectionsOf(viewer), eq(connections.status, "accepted"))!;

/** Accepted connections plus ended ones, whose history stays readable (never pending or declined ones). */
export const sharedHistoryOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  and(connectionsOf(viewer), inArray(connections.status, ["accepted", "revoked"]))!;

/** Whether a connection row is accepted, for code holding the row rather than querying it. */
export const isAccepted = (connection: Pick<Connection, "status">) => connection.status === "accepted";

const acceptedConnectionIds = (viewer: Pick<Viewer, "id" | "role">) =>
  db.select({ id: connections.id }).from(connections).where(acceptedConnectionsOf(viewer));

/** The viewer's lessons on accepted connections (an ended connection ends access to its lessons). */
export const lessonsOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  and(
    viewer.role === "teacher" ? eq(lessons.teacherId, viewer.id) : eq(lessons.studentId, viewer.id),
    inArray(lessons.connectionId, acceptedConnectionIds(viewer)),
  )!;

/** Lesson requests on the viewer's accepted connections, made by either side. */
export const lessonRequestsOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  inArray(lessonRequests.connectionId, acceptedConnectionIds(viewer));

/** Proposals to move one of the viewer's lessons. */
export const rescheduleProposalsOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  inArray(rescheduleRequests.lessonId, db.select({ id: lessons.id }).from(lessons).where(lessonsOf(viewer)));

/** Personal events: only their owner ever reads, changes or deletes them. */
export const eventsOf = (viewer: Pick<Viewer, "id">): SQL => eq(calendarEvents.ownerId, viewer.id);

/** Private notes, for the teacher of an accepted connection only. */
export const notesOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  viewer.role === "teacher" ? inArray(teacherNotes.connectionId, acceptedConnectionIds(viewer)) : sql`false`;

/** The column holding the other party's user id, on `connections` and on `lessons`. */
export const otherPartyOfConnection = (viewer: Pick<Viewer, "role">) =>
  viewer.role === "teacher" ? connections.studentId : connections.teacherId;
export const otherPartyOfLesson = (viewer: Pick<Viewer, "role">) => (viewer.role === "teacher" ? lessons.studentId : lessons.teacherId);

export const INVITATION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** A pending invitation is usable for 30 days; older ones read as expired everywhere. */
export const invitationCutoff = (now: Date) => new Date(now.getTime() - INVITATION_TTL_MS);
export const isExpired = (connection: Pick<Connection, "status" | "invitedAt">, now = new Date()) =>
  connection.status === "pending" && connection.invitedAt <= invitationCutoff(now);

/** Live invitations sent to an address that no account has claimed yet. */
export const unclaimedInvitationsTo = (email: string, now: Date): SQL =>
  and(
    eq(connections.status, "pending"),
    gt(connections.invitedAt, invitationCutoff(now)),
    isNull(connections.studentId),
    sql`lower(${connections.invitedEmail}) = lower(${email})`,
  )!;

/**
 * Live pending invitations addressed to this student: by account, or by their address while no
 * account is attached. Only a verified address counts, so nobody sees an invitation by signing up
 * with someone else's email.
 */
export function invitationsAddressedTo(viewer: ViewerWithEmail, now = new Date()): SQL {
  if (viewer.role !== "student" || !viewer.emailVerifiedAt) return sql`false`;
  return or(
    and(eq(connections.status, "pending"), gt(connections.invitedAt, invitationCutoff(now)), eq(connections.studentId, viewer.id)),
    unclaimedInvitationsTo(viewer.email, now),
  )!;
}
