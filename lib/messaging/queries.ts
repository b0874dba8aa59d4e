import { and, asc, count, desc, eq, exists, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { connections, conversationReads, messages, users } from "@/db/schema";
import {
  acceptedConnectionsOf,
  composerStateFor,
  findConversationFor,
  otherPartyId,
  otherPartyOfConnection,
  parseId,
  sharedHistoryOf,
  type Viewer,
} from "@/lib/access";
import { invalid, type ActionResult } from "@/lib/actions";
import { likePattern } from "@/lib/text";
import { readsOf, unreadConversationsOf, unreadMessagesOf } from "./live";
import { CONVERSATION_NOT_FOUND, MESSAGE_NOT_FOUND } from "./messages";
import { conversationSearchSchema, threadQuerySchema } from "./schemas";
import { MESSAGE_PAGE_SIZE, type ConversationSummary, type MessageView, type ThreadPage } from "./types";
import { previewOf, toMessageView } from "./views";

/** Every word as a prefix ("gra" finds "Grade"); only letters and digits reach to_tsquery, so its syntax cannot be injected. */
function textSearchQuery(query: string): string | null {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  return words ? words.map((word) => `${word}:*`).join(" & ") : null;
}

const other = alias(users, "other");
/** Each conversation with its other party and its newest message (one index probe a row), in one statement. */
function conversationRows(viewer: Viewer, where: SQL | undefined) {
  const last = db
    .select({
      seq: messages.seq,
      senderId: messages.senderId,
      body: messages.body,
      createdAt: messages.createdAt,
      deletedAt: messages.deletedAt,
    })
    .from(messages)
    .where(eq(messages.connectionId, connections.id))
    .orderBy(desc(messages.seq))
    .limit(1)
    .as("last_message");
  return db
    .select({
      connectionId: connections.id,
      status: connections.status,
      messagingLocked: connections.messagingLocked,
      since: sql<Date>`coalesce(${connections.respondedAt}, ${connections.createdAt})`.mapWith(connections.createdAt),
      other: { id: other.id, name: other.name, role: other.role },
      last: { seq: last.seq, senderId: last.senderId, body: last.body, createdAt: last.createdAt, deletedAt: last.deletedAt },
    })
    .from(connections)
    .innerJoin(other, eq(other.id, otherPartyOfConnection(viewer)))
    .leftJoinLateral(last, sql`true`)
    .where(where);
}

type ConversationRow = Awaited<ReturnType<typeof conversationRows>>[number];

/**
 * The inbox: every accepted connection, and every ended one with messages to look back on, newest activity first.
 * Two statements however many conversations: the connections with their last messages, and their unread counts.
 */
export async function listConversations(viewer: Viewer, options: { query?: unknown } = {}): Promise<ConversationSummary[]> {
  const query = conversationSearchSchema.parse(options.query);
  const messagesHere = (...filters: Parameters<typeof and>) =>
    exists(
      db
        .select({ one: sql`1` })
        .from(messages)
        .where(and(eq(messages.connectionId, connections.id), ...filters)),
    );
  const words = query ? textSearchQuery(query) : null;
  const search = query
    ? or(
        sql`${other.name} ilike ${likePattern(query)}`,
        words
          ? messagesHere(isNull(messages.deletedAt), sql`to_tsvector('simple', ${messages.body}) @@ to_tsquery('simple', ${words})`)
          : undefined,
      )
    : undefined;
  const rows = await conversationRows(viewer, and(sharedHistoryOf(viewer), or(acceptedConnectionsOf(viewer), messagesHere()), search));
  return summarise(viewer, rows);
}

/**
 * The dashboard's card: the conversations with something unread, newest message first, at most `limit` of them,
 * and how many there are in all. Two statements whatever the size of the inbox, one when the shell has already
 * counted the unread conversations in the same request.
 */
export async function listUnreadConversations(viewer: Viewer, limit: number): Promise<{ items: ConversationSummary[]; total: number }> {
  const unread = await unreadConversationsOf(viewer.id, viewer.role);
  if (unread.length === 0) return { items: [], total: 0 };
  const newest = unread.slice(0, limit);
  const ids = newest.map((row) => row.connectionId);
  const rows = await conversationRows(viewer, and(sharedHistoryOf(viewer), inArray(connections.id, ids)));
  return { items: await summarise(viewer, rows, newest), total: unread.length };
}

/** `unreadCounts`, when the caller has already counted them, saves counting again. */
async function summarise(
  viewer: Viewer,
  rows: ConversationRow[],
  unreadCounts?: { connectionId: string; count: number }[],
): Promise<ConversationSummary[]> {
  if (rows.length === 0) return [];
  const unread =
    unreadCounts ??
    (await db
      .select({ connectionId: messages.connectionId, count: count() })
      .from(messages)
      .leftJoin(conversationReads, readsOf(viewer))
      .where(
        and(
          inArray(
            messages.connectionId,
            rows.map((row) => row.connectionId),
          ),
          unreadMessagesOf(viewer),
        ),
      )
      .groupBy(messages.connectionId));
  const unreadByConnection = new Map(unread.map((row) => [row.connectionId, row.count]));
  return rows
    .map(({ last, ...row }): ConversationSummary => ({
      connectionId: row.connectionId,
      other: row.other,
      lastMessage: last
        ? {
            seq: last.seq,
            senderId: last.senderId,
            preview: last.deletedAt ? "" : previewOf(last.body),
            createdAt: last.createdAt.toISOString(),
            deleted: last.deletedAt !== null,
          }
        : null,
      lastActivityAt: (last?.createdAt ?? row.since).toISOString(),
      unreadCount: unreadByConnection.get(row.connectionId) ?? 0,
      composer: composerStateFor(viewer, row),
    }))
    .sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt) || a.connectionId.localeCompare(b.connectionId));
}

/**
 * A page of a thread by sequence cursor, never OFFSET. No cursor: the newest page. `before`: the page older than
 * that message. `after`: the oldest page newer than it (catching up after a reconnect; a full page means ask again).
 */
/** When a message last changed after it was sent; the partial index messages_changed_idx holds exactly these rows. */
const changedAt = sql<Date>`greatest(${messages.editedAt}, ${messages.deletedAt})`;
const changedMessages = or(isNotNull(messages.editedAt), isNotNull(messages.deletedAt));
/** An edit stamped just before a page was read may commit just after: asking a little further back costs a duplicate, which merging drops. */
const CHANGE_OVERLAP_MS = 60_000;
const CHANGED_PAGE_SIZE = 200;

export async function loadThread(viewer: Viewer, connectionId: unknown, cursor: unknown = {}): Promise<ActionResult<ThreadPage>> {
  const parsed = threadQuerySchema.safeParse(cursor);
  if (!parsed.success) return invalid(parsed.error, "Unknown position in the conversation.");
  const conversation = await findConversationFor(viewer, connectionId);
  if (!conversation) return CONVERSATION_NOT_FOUND;
  const { connection, composer } = conversation;
  const { before, after, changedSince } = parsed.data;
  const here = eq(messages.connectionId, connection.id);
  const syncedAt = new Date();
  const [rows, [otherRead], changed] = await Promise.all([
    after !== undefined
      ? db
          .select()
          .from(messages)
          .where(and(here, gt(messages.seq, after)))
          .orderBy(asc(messages.seq))
          .limit(MESSAGE_PAGE_SIZE)
      : db
          .select()
          .from(messages)
          .where(and(here, before !== undefined ? lt(messages.seq, before) : undefined))
          .orderBy(desc(messages.seq))
          .limit(MESSAGE_PAGE_SIZE + 1),
    db
      .select({ seq: conversationReads.lastReadSeq })
      .from(conversationReads)
      .where(and(eq(conversationReads.connectionId, connection.id), eq(conversationReads.userId, otherPartyId(viewer, connection)))),
    after !== undefined && changedSince !== undefined
      ? db
          .select()
          .from(messages)
          .where(
            and(
              here,
              lte(messages.seq, after),
              changedMessages,
              gt(changedAt, new Date(new Date(changedSince).getTime() - CHANGE_OVERLAP_MS)),
            ),
          )
          .orderBy(asc(messages.seq))
          .limit(CHANGED_PAGE_SIZE)
      : [],
  ]);
  let page: typeof rows;
  let hasOlder: boolean;
  if (after !== undefined) {
    page = rows;
    const [older] = await db
      .select({ seq: messages.seq })
      .from(messages)
      .where(and(here, lt(messages.seq, page[0]?.seq ?? after + 1)))
      .limit(1);
    hasOlder = Boolean(older);
  } else {
    hasOlder = rows.length > MESSAGE_PAGE_SIZE;
    page = rows.slice(0, MESSAGE_PAGE_SIZE).reverse();
  }
  return {
    ok: true,
    data: {
      messages: page.map(toMessageView),
      hasOlder,
      otherReadSeq: otherRead?.seq ?? 0,
      composer,
      changed: changed.map(toMessageView),
      syncedAt: syncedAt.toISOString(),
    },
  };
}

/** One message, for a client that heard of it live (ids only) and needs its text. */
export async function getMessage(viewer: Viewer, messageId: unknown): Promise<ActionResult<MessageView>> {
  const id = parseId(messageId);
  if (!id) return MESSAGE_NOT_FOUND;
  const [row] = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.id, id),
        inArray(messages.connectionId, db.select({ id: connections.id }).from(connections).where(sharedHistoryOf(viewer))),
      ),
    );
  return row ? { ok: true, data: toMessageView(row) } : MESSAGE_NOT_FOUND;
}
