import { and, eq } from "drizzle-orm";
import { inTransaction } from "@/db/transaction";
import { connections, type Connection } from "@/db/schema";
import { findConnectionFor, findInvitationFor, otherPartyId, type Viewer, type ViewerWithEmail } from "@/lib/access";
import { invalid, type ActionResult } from "@/lib/actions";
import { publishComposerChange } from "@/lib/messaging";
import { notify } from "@/lib/notifications";
import { closeConnectionSchedule } from "@/lib/scheduling/lessons";
import { NOT_FOUND } from "./answers";
import { bookingModeSchema, connectionRefSchema, messagingLockSchema } from "./schemas";

const NO_INVITATION = { ok: false, error: "This invitation is no longer available." } as const;

/** An invitation sent before the student had an account joins any earlier connection, so one row (and its history) remains. */
export async function acceptInvitation(
  actor: ViewerWithEmail,
  raw: unknown,
  now = new Date(),
): Promise<ActionResult<{ connectionId: string }>> {
  const parsed = connectionRefSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const accepted = await inTransaction(async (scope) => {
    const invitation = await findInvitationFor(actor, parsed.data.connectionId, scope.tx, now);
    if (!invitation) return null;
    const acceptance = {
      studentId: actor.id,
      status: "accepted" as const,
      respondedAt: now,
      inviteTokenHash: null,
      endedAt: null,
      endedById: null,
    };
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
        .set({
          ...acceptance,
          invitedEmail: invitation.invitedEmail,
          inviteMessage: invitation.inviteMessage,
          invitedAt: invitation.invitedAt,
        })
        .where(eq(connections.id, earlier.id))
        .returning()) as [Connection];
    } else {
      [connection] = (await scope.tx.update(connections).set(acceptance).where(eq(connections.id, invitation.id)).returning()) as [
        Connection,
      ];
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

export async function declineInvitation(actor: ViewerWithEmail, raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = connectionRefSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const declined = await inTransaction(async (scope) => {
    const invitation = await findInvitationFor(actor, parsed.data.connectionId, scope.tx, now);
    if (!invitation) return false;
    await scope.tx
      .update(connections)
      .set({ status: "declined", respondedAt: now, inviteTokenHash: null })
      .where(eq(connections.id, invitation.id));
    await notify(
      [invitation.teacherId],
      { type: "connection.declined", title: `${actor.name} declined your invitation`, link: "/students" },
      scope,
    );
    return true;
  });
  return declined ? { ok: true, message: "Invitation declined." } : NO_INVITATION;
}

/** The connection row is locked first, as the lock order requires. */
export async function endConnection(actor: Viewer, raw: unknown, now = new Date()): Promise<ActionResult<{ cancelledLessons: number }>> {
  const parsed = connectionRefSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const ended = await inTransaction(async (scope) => {
    const connection = await findConnectionFor(actor, parsed.data.connectionId, { lock: "update" }, scope.tx);
    if (!connection) return null;
    await scope.tx
      .update(connections)
      .set({ status: "revoked", endedAt: now, endedById: actor.id, inviteTokenHash: null })
      .where(eq(connections.id, connection.id));
    const cancelled = await closeConnectionSchedule(scope.tx, connection, actor, now);
    const cancelledNote = cancelled > 0 ? ` ${cancelled} upcoming lesson${cancelled === 1 ? " was" : "s were"} cancelled.` : "";
    await notify(
      [otherPartyId(actor, connection)],
      { type: "connection.ended", title: `${actor.name} ended your connection`, body: `Your history is kept.${cancelledNote}` },
      scope,
    );
    await notify([actor.id], { type: "connection.ended", title: "Connection ended", body: `Your history is kept.${cancelledNote}` }, scope);
    // Open threads turn read-only at once; the channel auth already refuses new subscriptions.
    scope.afterCommit(() => publishComposerChange(connection.id, "ended"));
    return cancelled;
  });
  return ended === null ? NOT_FOUND : { ok: true, message: "Connection ended.", data: { cancelledLessons: ended } };
}

export async function setMessagingLocked(actor: Viewer, raw: unknown): Promise<ActionResult> {
  const parsed = messagingLockSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { locked } = parsed.data;
  const changed = await inTransaction(async (scope) => {
    const connection = await findConnectionFor(actor, parsed.data.connectionId, { as: "teacher", lock: "update" }, scope.tx);
    if (!connection) return null;
    if (connection.messagingLocked === locked) return connection;
    await scope.tx.update(connections).set({ messagingLocked: locked }).where(eq(connections.id, connection.id));
    await notify(
      [connection.studentId],
      {
        type: "connection.messaging_locked",
        title: locked ? `${actor.name} paused messaging` : `${actor.name} turned messaging back on`,
        body: locked ? "You can still read your conversation." : undefined,
        link: "/teachers",
      },
      scope,
    );
    scope.afterCommit(() => publishComposerChange(connection.id, locked ? "locked" : "open"));
    return connection;
  });
  if (!changed) return NOT_FOUND;
  return { ok: true, message: locked ? "Messaging is paused." : "Messaging is on." };
}

/** Teachers choose per student: lessons they set up are booked at once, or sent as requests the student approves. */
export async function setBookingMode(actor: Viewer, raw: unknown): Promise<ActionResult> {
  const parsed = bookingModeSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { mode } = parsed.data;
  const changed = await inTransaction(async (scope) => {
    const connection = await findConnectionFor(actor, parsed.data.connectionId, { as: "teacher", lock: "update" }, scope.tx);
    if (!connection) return false;
    if (connection.bookingMode === mode) return true;
    await scope.tx.update(connections).set({ bookingMode: mode }).where(eq(connections.id, connection.id));
    await notify(
      [connection.studentId],
      {
        type: "connection.booking_mode",
        title: mode === "direct" ? `${actor.name} now books your lessons directly` : `${actor.name} now sends lessons for you to approve`,
        body: mode === "direct" ? "New lessons appear in your calendar at once; you can still ask for a move or cancel." : undefined,
        link: "/teachers",
      },
      scope,
    );
    return true;
  });
  if (!changed) return NOT_FOUND;
  return {
    ok: true,
    message: mode === "direct" ? "You book this student's lessons directly." : "Your lessons for this student are requests.",
  };
}
