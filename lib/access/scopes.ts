import { and, eq, gt, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import {
  assignments,
  calendarEvents,
  connections,
  lessonRequests,
  lessons,
  practiceEntries,
  rescheduleRequests,
  teacherNotes,
  type Connection,
} from "@/db/schema";
import type { Viewer, ViewerWithEmail } from "./viewer";

/** Every read and write of shared data builds from acceptedConnectionsOf: a connection shares anything only while accepted, and only with its two parties. */

export const connectionsOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  viewer.role === "teacher" ? eq(connections.teacherId, viewer.id) : eq(connections.studentId, viewer.id);

export const acceptedConnectionsOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  and(connectionsOf(viewer), eq(connections.status, "accepted"))!;

export const sharedHistoryOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  and(connectionsOf(viewer), inArray(connections.status, ["accepted", "revoked"]))!;

/** Every accepted connection, for background jobs acting for both parties (the missed-messages email). */
export const allAcceptedConnections = (): SQL => eq(connections.status, "accepted");

export const isAccepted = (connection: Pick<Connection, "status">) => connection.status === "accepted";

const acceptedConnectionIds = (viewer: Pick<Viewer, "id" | "role">) =>
  db.select({ id: connections.id }).from(connections).where(acceptedConnectionsOf(viewer));

export const lessonsOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  and(
    viewer.role === "teacher" ? eq(lessons.teacherId, viewer.id) : eq(lessons.studentId, viewer.id),
    inArray(lessons.connectionId, acceptedConnectionIds(viewer)),
  )!;

export const lessonRequestsOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  inArray(lessonRequests.connectionId, acceptedConnectionIds(viewer));

export const rescheduleProposalsOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  inArray(rescheduleRequests.lessonId, db.select({ id: lessons.id }).from(lessons).where(lessonsOf(viewer)));

export const eventsOf = (viewer: Pick<Viewer, "id">): SQL => eq(calendarEvents.ownerId, viewer.id);

export const notesOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  viewer.role === "teacher" ? inArray(teacherNotes.connectionId, acceptedConnectionIds(viewer)) : sql`false`;

export const assignmentsOf = (viewer: Pick<Viewer, "id" | "role">): SQL => inArray(assignments.connectionId, acceptedConnectionIds(viewer));

export const practiceOf = (viewer: Pick<Viewer, "id" | "role">): SQL =>
  inArray(practiceEntries.connectionId, acceptedConnectionIds(viewer));

export const otherPartyOfConnection = (viewer: Pick<Viewer, "role">) =>
  viewer.role === "teacher" ? connections.studentId : connections.teacherId;
export const otherPartyOfLesson = (viewer: Pick<Viewer, "role">) => (viewer.role === "teacher" ? lessons.studentId : lessons.teacherId);

export const INVITATION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export const invitationCutoff = (now: Date) => new Date(now.getTime() - INVITATION_TTL_MS);
export const isExpired = (connection: Pick<Connection, "status" | "invitedAt">, now = new Date()) =>
  connection.status === "pending" && connection.invitedAt <= invitationCutoff(now);

export const unclaimedInvitationsTo = (email: string, now: Date): SQL =>
  and(
    eq(connections.status, "pending"),
    gt(connections.invitedAt, invitationCutoff(now)),
    isNull(connections.studentId),
    sql`lower(${connections.invitedEmail}) = lower(${email})`,
  )!;

/** Only a verified address counts, so nobody sees an invitation by signing up with someone else's email. */
export function invitationsAddressedTo(viewer: ViewerWithEmail, now = new Date()): SQL {
  if (viewer.role !== "student" || !viewer.emailVerifiedAt) return sql`false`;
  return or(
    and(eq(connections.status, "pending"), gt(connections.invitedAt, invitationCutoff(now)), eq(connections.studentId, viewer.id)),
    unclaimedInvitationsTo(viewer.email, now),
  )!;
}
