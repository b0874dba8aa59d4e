import { relations, sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant, updatedAt } from "./columns";
import { connections } from "./connections";
import { users } from "./users";

export const MESSAGE_MAX_LENGTH = 4000;

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
    body: text().notNull(),
    createdAt: createdAt(),
    readAt: instant(),
  },
  (t) => [
    unique("messages_sender_client_id_key").on(t.senderId, t.clientMessageId),
    index("messages_connection_seq_idx").on(t.connectionId, t.seq),
    index("messages_unread_idx")
      .on(t.connectionId, t.senderId)
      .where(sql`${t.readAt} is null`),
    check("messages_body_length", sql`char_length(${t.body}) between 1 and ${sql.raw(String(MESSAGE_MAX_LENGTH))}`),
  ],
);

export const assignments = pgTable(
  "assignments",
  {
    id: id(),
    connectionId: uuid()
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    title: text().notNull(),
    description: text(),
    dueAt: instant(),
    completedAt: instant(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("assignments_connection_due_idx").on(t.connectionId, t.dueAt),
    index("assignments_open_idx")
      .on(t.connectionId)
      .where(sql`${t.completedAt} is null`),
    check("assignments_title_length", sql`char_length(${t.title}) between 1 and 200`),
    check("assignments_description_length", sql`${t.description} is null or char_length(${t.description}) <= 5000`),
  ],
);

export const messagesRelations = relations(messages, ({ one }) => ({
  connection: one(connections, { fields: [messages.connectionId], references: [connections.id] }),
  sender: one(users, { fields: [messages.senderId], references: [users.id] }),
}));

export const assignmentsRelations = relations(assignments, ({ one }) => ({
  connection: one(connections, { fields: [assignments.connectionId], references: [connections.id] }),
}));

export type Message = typeof messages.$inferSelect;
export type Assignment = typeof assignments.$inferSelect;
