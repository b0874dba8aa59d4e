import { and, eq, gt, isNull } from "drizzle-orm";
import { inTransaction } from "@/db/transaction";
import { connections, lessonRequests, lessons, lessonSeries, type Connection } from "@/db/schema";
import { invalid, type ActionResult } from "@/lib/actions";
import { notify } from "@/lib/notifications";
import { assertTeacherOf, findConnectionFor, findInvitationFor, NOT_FOUND, type ConnectionActor } from "./access";
import { connectionRefSchema, messagingLockSchema } from "./schemas";

const NO_INVITATION = { ok: false, error: "This invitation is no longer available." } as const;

/**
 * The student accepts an invitation addressed to them. An invitation sent to their address before
 * they had an account joins any earlier connection with the same teacher, so one row (and its
 * history) remains per teacher and student.
 */
export async function acceptInvitation(actor: ConnectionActor, raw: unknown, now = new Date()): Promise<ActionResult<{ connectionId: string }>> {
  const parsed = connectionRefSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const accepted = await inTransaction(async (scope) => {
    const invitation = await findInvitationFor(actor, parsed.data.connectionId, scope.tx, now);
    if (!invitation) return null;
    const acceptance = { studentId: actor.id, status: "accepted" as const, respondedAt: now, inviteTokenHash: null, endedAt: null, endedById: null };
    let connection: Connection;
    const [earlier] = invitation.studentId
      ? []
      : await scope.tx
          .select()
          .from(connections)
          .where(and(eq(connections.teacherId, invitation.teacherId), eq(connections.studentId, actor.id)))
          .for("update");
    if (earlier) {
      await scope.tx.delete(connections).where(eq(connections.id, invitation.id));
      [connection] = (await scope.tx
        .update(connections)
        .set({ ...acceptance, invitedEmail: invitation.invitedEmail, inviteMessage: invitation.inviteMessage, invitedAt: invitation.invitedAt })
        .where(eq(connections.id, earlier.id))
        .returning()) as [Connection];
    } else {
      [connection] = (await scope.tx.update(connections).set(acceptance).where(eq(connections.id, invitation.id)).returning()) as [Connection];
    }
    await notify(
      [connection.teacherId],
      { type: "connection.accepted", title: `${actor.name} accepted your invitation`, link: `/students/${connection.id}` },
      scope,
    );
    return connection;
  });
  return accepted ? { ok: true, message: "You're connected.", data: { connectionId: accepted.id } } : NO_INVITATION;
}

export async function declineInvitation(actor: ConnectionActor, raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = connectionRefSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const declined = await inTransaction(async (scope) => {
    const invitation = await findInvitationFor(actor, parsed.data.connectionId, scope.tx, now);
    if (!invitation) return false;
    await scope.tx
      .update(connections)
      .set({ status: "declined", respondedAt: now, inviteTokenHash: null })
      .where(eq(connections.id, invitation.id));
    await notify([invitation.teacherId], { type: "connection.declined", title: `${actor.name} declined your invitation`, link: "/students" }, scope);
    return true;
  });
  return declined ? { ok: true, message: "Invitation declined." } : NO_INVITATION;
}

export const CONNECTION_ENDED_REASON = "Connection ended";

/**
 * Either party ends an accepted connection. Future scheduled lessons are cancelled, open requests
 * withdrawn and series stopped; past lessons, messages, assignments and notes stay as read-only history.
 */
export async function endConnection(actor: ConnectionActor, raw: unknown, now = new Date()): Promise<ActionResult<{ cancelledLessons: number }>> {
  const parsed = connectionRefSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const ended = await inTransaction(async (scope) => {
    const connection = await findConnectionFor(actor, parsed.data.connectionId, { status: "accepted", forUpdate: true }, scope.tx);
    if (!connection) return null;
    await scope.tx
      .update(connections)
      .set({ status: "revoked", endedAt: now, endedById: actor.id, inviteTokenHash: null })
      .where(eq(connections.id, connection.id));
    const cancelled = await scope.tx
      .update(lessons)
      .set({ status: "cancelled", cancelledAt: now, cancelledById: actor.id, cancellationReason: CONNECTION_ENDED_REASON })
      .where(and(eq(lessons.connectionId, connection.id), eq(lessons.status, "scheduled"), gt(lessons.startsAt, now)))
      .returning({ id: lessons.id });
    await scope.tx
      .update(lessonRequests)
      .set({ status: "withdrawn", respondedAt: now, respondedById: actor.id, responseReason: CONNECTION_ENDED_REASON })
      .where(and(eq(lessonRequests.connectionId, connection.id), eq(lessonRequests.status, "pending")));
    await scope.tx
      .update(lessonSeries)
      .set({ endedAt: now })
      .where(and(eq(lessonSeries.connectionId, connection.id), isNull(lessonSeries.endedAt)));
    const otherPartyId = actor.id === connection.teacherId ? connection.studentId! : connection.teacherId;
    const cancelledNote = cancelled.length > 0 ? ` ${cancelled.length} upcoming lesson${cancelled.length === 1 ? " was" : "s were"} cancelled.` : "";
    await notify([otherPartyId], { type: "connection.ended", title: `${actor.name} ended your connection`, body: `Your history is kept.${cancelledNote}` }, scope);
    await notify([actor.id], { type: "connection.ended", title: "Connection ended", body: `Your history is kept.${cancelledNote}` }, scope);
    return cancelled.length;
  });
  return ended === null ? NOT_FOUND : { ok: true, message: "Connection ended.", data: { cancelledLessons: ended } };
}

/** The teacher makes a conversation read-only (or writable again); the student is told. */
export async function setMessagingLocked(actor: ConnectionActor, raw: unknown): Promise<ActionResult> {
  const parsed = messagingLockSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { locked } = parsed.data;
  const changed = await inTransaction(async (scope) => {
    const connection = await assertTeacherOf(actor, parsed.data.connectionId, scope.tx);
    if (!connection) return null;
    if (connection.messagingLocked === locked) return connection;
    await scope.tx.update(connections).set({ messagingLocked: locked }).where(eq(connections.id, connection.id));
    await notify(
      [connection.studentId!],
      {
        type: "connection.messaging_locked",
        title: locked ? `${actor.name} paused messaging` : `${actor.name} turned messaging back on`,
        body: locked ? "You can still read your conversation." : undefined,
        link: "/teachers",
      },
      scope,
    );
    return connection;
  });
  if (!changed) return NOT_FOUND;
  return { ok: true, message: locked ? "Messaging is paused." : "Messaging is on." };
}
