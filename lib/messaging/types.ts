/** What the messaging screens and the server agree on. No server imports: client components import this. */

export const MESSAGE_MAX_LENGTH = 4000;
/** Own messages can be edited or deleted for this long after sending. */
export const MESSAGE_EDIT_WINDOW_MINUTES = 15;
/** A thread page, newest first on the wire, shown oldest at the top. */
export const MESSAGE_PAGE_SIZE = 30;
/** The preview carried by realtime payloads and inbox rows. */
export const MESSAGE_PREVIEW_LENGTH = 120;

/** Why a conversation cannot take new messages from this viewer. */
export type ComposerState = "open" | "locked" | "ended";

export interface MessageView {
  id: string;
  /** Server order, gap-free enough to catch up with "everything after seq N". */
  seq: number;
  connectionId: string;
  senderId: string;
  clientMessageId: string;
  /** Empty when deleted. */
  body: string;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}

export interface ConversationSummary {
  connectionId: string;
  other: { id: string; name: string; role: "teacher" | "student" };
  lastMessage: { seq: number; senderId: string; preview: string; createdAt: string; deleted: boolean } | null;
  /** Last message time, or the connection's acceptance time when empty: the inbox's order. */
  lastActivityAt: string;
  unreadCount: number;
  composer: ComposerState;
}

export interface ThreadPage {
  /** Oldest first. */
  messages: MessageView[];
  /** True when messages older than the first one exist (load more when scrolled up). */
  hasOlder: boolean;
  /** The highest seq of the viewer's messages that the other person has read ("Seen"). */
  otherReadSeq: number;
  composer: ComposerState;
  /** Earlier messages edited or deleted since `changedSince` (catch-ups only; otherwise empty). */
  changed: MessageView[];
  /** The server's clock when this page was read: the next catch-up's `changedSince`. */
  syncedAt: string;
}

/** Realtime events on `presence-connection-{connectionId}`. Payloads carry ids and a short preview only. */
export const MESSAGE_EVENTS = {
  created: "message-created",
  updated: "message-updated",
  read: "conversation-read",
  closed: "conversation-closed",
  /** The teacher turned the student's messaging back on. */
  reopened: "conversation-reopened",
  typing: "client-typing",
} as const;

export interface MessageCreatedEvent {
  id: string;
  seq: number;
  senderId: string;
  clientMessageId: string;
  preview: string;
}
export interface MessageUpdatedEvent {
  id: string;
  seq: number;
}
export interface ConversationReadEvent {
  userId: string;
  seq: number;
}
/** `locked` applies to the student only: the teacher's composer stays open. */
export interface ConversationClosedEvent {
  composer: Exclude<ComposerState, "open">;
}
export interface ConversationReopenedEvent {
  composer: "open";
}
export interface TypingEvent {
  userId: string;
}

/** On `private-user-{userId}`: the viewer's count of conversations with unread messages changed. */
export const UNREAD_CONVERSATIONS_EVENT = "conversations-unread";
export interface UnreadConversationsEvent {
  count: number;
}
