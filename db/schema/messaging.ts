import { relations, sql } from "drizzle-orm";
import { bigint, check, index, pgTable, primaryKey, text, unique, uuid } from "drizzle-orm/pg-core";
import { MESSAGE_MAX_LENGTH } from "../../lib/messaging/types";
import { createdAt, id, instant, updatedAt } from "./columns";
import { connections } from "./connections";
import { users } from "./users";

export { MESSAGE_MAX_LENGTH };

export const messages = pgTable(
  "messages",
  {
    id: id(),
    /** Server order: clients fetch "everything after seq N" when they reconnect. */
    seq: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    connectionId: uuid()
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    senderId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Chosen by the sending client so a retried send stores one row. */
    clientMessageId: uuid().notNull(),
    /** Emptied when deleted: "message deleted" stays in place, the words do not. */
    body: text().notNull(),
    createdAt: createdAt(),
    editedAt: instant(),
    deletedAt: instant(),
  },
  (t) => [
    unique("messages_sender_client_id_key").on(t.senderId, t.clientMessageId),
    index("messages_connection_seq_idx").on(t.connectionId, t.seq),
    // What a reconnecting client asks for: the few messages edited or deleted lately (lib/messaging/queries loadThread).
    index("messages_changed_idx")
      .on(t.connectionId, sql`greatest(${t.editedAt}, ${t.deletedAt})`)
      .where(sql`${t.editedAt} is not null or ${t.deletedAt} is not null`),
    // 'simple': messages mix languages and names, so no stemming or stop words.
    index("messages_body_search_idx").using("gin", sql`to_tsvector('simple', ${t.body})`),
    check(
      "messages_body_length",
      sql`${t.deletedAt} is not null or char_length(${t.body}) between 1 and ${sql.raw(String(MESSAGE_MAX_LENGTH))}`,
    ),
  ],
);

/** Read state per participant: unread is "messages from the other party after lastReadSeq". */
export const conversationReads = pgTable(
  "conversation_reads",
  {
    connectionId: uuid()
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lastReadSeq: bigint({ mode: "number" }).notNull().default(0),
    /** The missed-messages email covered everything up to here; claiming a higher value is what sends it once. */
    emailedThroughSeq: bigint({ mode: "number" }).notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.connectionId, t.userId] }), index("conversation_reads_user_idx").on(t.userId)],
);

export const messagesRelations = relations(messages, ({ one }) => ({
  connection: one(connections, { fields: [messages.connectionId], references: [connections.id] }),
  sender: one(users, { fields: [messages.senderId], references: [users.id] }),
}));

export const conversationReadsRelations = relations(conversationReads, ({ one }) => ({
  connection: one(connections, { fields: [conversationReads.connectionId], references: [connections.id] }),
  user: one(users, { fields: [conversationReads.userId], references: [users.id] }),
}));

export type Message = typeof messages.$inferSelect;
export type ConversationRead = typeof conversationReads.$inferSelect;
