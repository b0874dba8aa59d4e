import { and, eq, max, sql } from "drizzle-orm";
import { inTransaction } from "@/db/transaction";
import { conversationReads, messages, type Message } from "@/db/schema";
import { findConversationFor, type Conversation, type Viewer } from "@/lib/access";
import { failure, invalid, type ActionFailure, type ActionResult } from "@/lib/actions";
import { runAfterResponse } from "@/lib/background";
import { markGroupRead } from "@/lib/notifications";
import { MINUTE } from "@/lib/time";
import { conversationGroup, noticeRecipient, otherParty, publishCreated, publishRead, publishUnreadCount, publishUpdated } from "./live";
import { editMessageSchema, markReadSchema, messageRefSchema, sendMessageSchema } from "./schemas";
import { MESSAGE_EDIT_WINDOW_MINUTES, type MessageView } from "./types";
import { toMessageView } from "./views";

/** The answer to strangers and to guessed ids alike, so nobody learns that a conversation or message exists. */
export const CONVERSATION_NOT_FOUND = failure("not-found", "We couldn't find that conversation.");
export const MESSAGE_NOT_FOUND = failure("not-found", "We couldn't find that message.");

const CLOSED: Record<Exclude<Conversation["composer"], "open">, ActionFailure> = {
  locked: failure("forbidden", "Your teacher has paused messaging. You can still read the conversation."),
  ended: failure("forbidden", "This connection has ended. The conversation is read-only."),
};

type Sent = ActionResult<{ message: MessageView }>;

/**
 * Written first, published after the commit. The client's id makes a retry or a double click store one row:
 * the insert does nothing on a repeat and the stored message is answered instead, exactly as the first time.
 * The connection is held `for share`, so a send cannot slip in beside the connection ending or being locked.
 */
export async function sendMessage(actor: Viewer, raw: unknown, now = new Date()): Promise<Sent> {
  const parsed = sendMessageSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { connectionId, clientMessageId, body } = parsed.data;
  return inTransaction(async (scope): Promise<Sent> => {
    const conversation = await findConversationFor(actor, connectionId, { lock: "share" }, scope.tx);
    if (!conversation) return CONVERSATION_NOT_FOUND;
    const stored = (message: Message): Sent =>
      message.connectionId === conversation.connection.id
        ? { ok: true, data: { message: toMessageView(message) } }
        : failure("invalid", "This message id was already used. Reload the page and try again.");
    const mine = and(eq(messages.senderId, actor.id), eq(messages.clientMessageId, clientMessageId));
    const [earlier] = await scope.tx.select().from(messages).where(mine);
    if (earlier) return stored(earlier);
    if (conversation.composer !== "open") return CLOSED[conversation.composer];
    const [inserted] = await scope.tx
      .insert(messages)
      .values({ connectionId: conversation.connection.id, senderId: actor.id, clientMessageId, body, createdAt: now })
      .onConflictDoNothing({ target: [messages.senderId, messages.clientMessageId] })
      .returning();
    if (!inserted) {
      // A concurrent send with the same id committed first; under read committed this statement sees it.
      const [winner] = await scope.tx.select().from(messages).where(mine);
      return stored(winner!);
    }
    scope.afterCommit(async () => {
      await publishCreated(inserted);
      runAfterResponse("message notice", () => noticeRecipient(inserted, conversation.connection, actor));
    });
    return { ok: true, data: { message: toMessageView(inserted) } };
  });
}

type Changed = ActionResult<{ message: MessageView }>;

/** Own messages, while the conversation is open to the author and the edit window lasts. Lock order: connection, then message. */
async function changeOwnMessage(
  actor: Viewer,
  messageId: string,
  now: Date,
  change: (message: Message) => Partial<Pick<Message, "body" | "editedAt" | "deletedAt">> | null,
): Promise<Changed> {
  return inTransaction(async (scope): Promise<Changed> => {
    const [found] = await scope.tx
      .select({ connectionId: messages.connectionId })
      .from(messages)
      .where(and(eq(messages.id, messageId), eq(messages.senderId, actor.id)));
    const conversation = found && (await findConversationFor(actor, found.connectionId, { lock: "share" }, scope.tx));
    if (!conversation) return MESSAGE_NOT_FOUND;
    const [message] = await scope.tx.select().from(messages).where(eq(messages.id, messageId)).for("update");
    if (!message) return MESSAGE_NOT_FOUND;
    if (conversation.composer !== "open") return CLOSED[conversation.composer];
    if (message.deletedAt) return failure("forbidden", "This message was deleted.");
    if (now.getTime() - message.createdAt.getTime() > MESSAGE_EDIT_WINDOW_MINUTES * MINUTE) {
      return failure("forbidden", `Messages can be changed for ${MESSAGE_EDIT_WINDOW_MINUTES} minutes after sending.`);
    }
    const values = change(message);
    if (!values) return { ok: true, data: { message: toMessageView(message) } };
    const [updated] = await scope.tx.update(messages).set(values).where(eq(messages.id, message.id)).returning();
    scope.afterCommit(async () => {
      await publishUpdated(updated!);
      // A deleted message no longer counts as unread for the other party.
      if (values.deletedAt) await publishUnreadCount(otherParty(actor, conversation.connection));
    });
    return { ok: true, data: { message: toMessageView(updated!) } };
  });
}

export async function editMessage(actor: Viewer, raw: unknown, now = new Date()): Promise<Changed> {
  const parsed = editMessageSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { messageId, body } = parsed.data;
  return changeOwnMessage(actor, messageId, now, (message) => (message.body === body ? null : { body, editedAt: now }));
}

/** The row stays, emptied, so the thread shows "message deleted" in place and sequences stay gap-free. */
export async function deleteMessage(actor: Viewer, raw: unknown, now = new Date()): Promise<Changed> {
  const parsed = messageRefSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  return changeOwnMessage(actor, parsed.data.messageId, now, () => ({ body: "", deletedAt: now }));
}

/**
 * Moves the viewer's read position forward only (a stale tab cannot unread anything), and never past the last
 * message, so a forged position cannot pre-read messages not yet sent. Ended conversations can be read too.
 */
export async function markConversationRead(actor: Viewer, raw: unknown, now = new Date()): Promise<ActionResult<{ lastReadSeq: number }>> {
  const parsed = markReadSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  return inTransaction(async (scope): Promise<ActionResult<{ lastReadSeq: number }>> => {
    const conversation = await findConversationFor(actor, parsed.data.connectionId, {}, scope.tx);
    if (!conversation) return CONVERSATION_NOT_FOUND;
    const connectionId = conversation.connection.id;
    const [last] = await scope.tx
      .select({ seq: max(messages.seq) })
      .from(messages)
      .where(eq(messages.connectionId, connectionId));
    const seq = Math.min(parsed.data.seq, Number(last?.seq ?? 0));
    const [moved] = await scope.tx
      .insert(conversationReads)
      .values({ connectionId, userId: actor.id, lastReadSeq: seq })
      .onConflictDoUpdate({
        target: [conversationReads.connectionId, conversationReads.userId],
        set: { lastReadSeq: seq, updatedAt: now },
        setWhere: sql`${conversationReads.lastReadSeq} < ${seq}`,
      })
      .returning({ lastReadSeq: conversationReads.lastReadSeq });
    if (!moved) {
      const [current] = await scope.tx
        .select({ lastReadSeq: conversationReads.lastReadSeq })
        .from(conversationReads)
        .where(and(eq(conversationReads.connectionId, connectionId), eq(conversationReads.userId, actor.id)));
      return { ok: true, data: { lastReadSeq: current?.lastReadSeq ?? 0 } };
    }
    await markGroupRead(actor.id, conversationGroup(connectionId), scope, now);
    scope.afterCommit(() => publishRead(connectionId, actor, moved.lastReadSeq));
    return { ok: true, data: { lastReadSeq: moved.lastReadSeq } };
  });
}
