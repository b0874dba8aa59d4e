import { and, count, desc, eq, gt, inArray, isNull, max, ne, sql } from "drizzle-orm";
import { cache } from "react";
import { db } from "@/db";
import { connections, conversationReads, messages, type Connection, type Message, type User } from "@/db/schema";
import { otherPartyId, sharedHistoryOf, type Viewer } from "@/lib/access";
import { notifyGrouped } from "@/lib/notifications";
import { userChannel } from "@/lib/notifications/types";
import { presenceMembers, publish } from "@/lib/realtime";
import { connectionChannel } from "@/lib/realtime/channels";
import {
  MESSAGE_EVENTS,
  UNREAD_CONVERSATIONS_EVENT,
  type ComposerState,
  type ConversationClosedEvent,
  type ConversationReopenedEvent,
  type ConversationReadEvent,
  type MessageCreatedEvent,
  type MessageUpdatedEvent,
  type UnreadConversationsEvent,
} from "./types";
import { previewOf } from "./views";

/** Messages from the other party after the viewer's last read one; a deleted message is nothing to read. */
export const unreadMessagesOf = (viewer: Pick<Viewer, "id">) =>
  and(ne(messages.senderId, viewer.id), isNull(messages.deletedAt), gt(messages.seq, sql`coalesce(${conversationReads.lastReadSeq}, 0)`))!;

/** Unread messages in any of the viewer's conversations (join conversation_reads with `readsOf`). */
const unreadInViewersConversations = (viewer: Pick<Viewer, "id" | "role">) =>
  and(
    inArray(messages.connectionId, db.select({ id: connections.id }).from(connections).where(sharedHistoryOf(viewer))),
    unreadMessagesOf(viewer),
  );

export const readsOf = (viewer: Pick<Viewer, "id">) =>
  and(eq(conversationReads.connectionId, messages.connectionId), eq(conversationReads.userId, viewer.id));

/**
 * The viewer's conversations with something unread, newest unread message first. Cached for the request: the shell's
 * badge and the dashboard's card read the same rows.
 */
export const unreadConversationsOf = cache(async (viewerId: string, role: Viewer["role"]) => {
  const viewer = { id: viewerId, role };
  return db
    .select({ connectionId: messages.connectionId, count: count() })
    .from(messages)
    .leftJoin(conversationReads, readsOf(viewer))
    .where(unreadInViewersConversations(viewer))
    .groupBy(messages.connectionId)
    .orderBy(desc(max(messages.seq)));
});

export async function unreadConversationCount(viewer: Pick<Viewer, "id" | "role">): Promise<number> {
  return (await unreadConversationsOf(viewer.id, viewer.role)).length;
}

// Everything below runs after the commit and is best effort: a failure is logged and the write it follows stands.
async function bestEffort(label: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.error(`[messaging] ${label} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const payload = <T extends object>(event: T) => ({ ...event }) as Record<string, unknown>;

export const publishUnreadCount = (user: Pick<Viewer, "id" | "role">) =>
  bestEffort("unread count", async () =>
    publish(
      userChannel(user.id),
      UNREAD_CONVERSATIONS_EVENT,
      payload<UnreadConversationsEvent>({ count: await unreadConversationCount(user) }),
    ),
  );

export const publishCreated = (message: Message) =>
  bestEffort("message-created", () =>
    publish(
      connectionChannel(message.connectionId),
      MESSAGE_EVENTS.created,
      payload<MessageCreatedEvent>({
        id: message.id,
        seq: message.seq,
        senderId: message.senderId,
        clientMessageId: message.clientMessageId,
        preview: previewOf(message.body),
      }),
    ),
  );

export const publishUpdated = (message: Message) =>
  bestEffort("message-updated", () =>
    publish(
      connectionChannel(message.connectionId),
      MESSAGE_EVENTS.updated,
      payload<MessageUpdatedEvent>({ id: message.id, seq: message.seq }),
    ),
  );

export const publishRead = (connectionId: string, reader: Pick<Viewer, "id" | "role">, seq: number) =>
  bestEffort("conversation-read", async () => {
    await publish(connectionChannel(connectionId), MESSAGE_EVENTS.read, payload<ConversationReadEvent>({ userId: reader.id, seq }));
    await publishUnreadCount(reader);
  });

/** Ending a connection or (un)locking it changes what open threads may do: tell them, so composers follow. */
export const publishComposerChange = (connectionId: string, composer: ComposerState) =>
  bestEffort("composer change", () =>
    composer === "open"
      ? publish(connectionChannel(connectionId), MESSAGE_EVENTS.reopened, payload<ConversationReopenedEvent>({ composer }))
      : publish(connectionChannel(connectionId), MESSAGE_EVENTS.closed, payload<ConversationClosedEvent>({ composer })),
  );

export const otherParty = (viewer: Pick<Viewer, "id">, connection: Pick<Connection, "teacherId" | "studentId">) => {
  const id = otherPartyId(viewer, connection);
  return { id, role: id === connection.teacherId ? ("teacher" as const) : ("student" as const) };
};

export const conversationGroup = (connectionId: string) => `conversation:${connectionId}`;

/** The recipient hears of a new message in the bell, one row per conversation, unless they are looking at the thread. */
export const noticeRecipient = (
  message: Message,
  connection: Pick<Connection, "teacherId" | "studentId">,
  sender: Pick<User, "id" | "name">,
) =>
  bestEffort("message notice", async () => {
    const recipient = otherParty(sender, connection);
    await publishUnreadCount(recipient);
    const viewing = await presenceMembers(connectionChannel(message.connectionId));
    if (viewing?.has(recipient.id)) return;
    await notifyGrouped(
      recipient.id,
      conversationGroup(message.connectionId),
      (count) => ({
        type: "message.received",
        title: count === 1 ? `New message from ${sender.name}` : `${count} new messages from ${sender.name}`,
        body: previewOf(message.body),
        link: `/messages/${message.connectionId}`,
        data: { connectionId: message.connectionId },
      }),
      message.createdAt,
    );
  });
