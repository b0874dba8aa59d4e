import { relations, sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant, updatedAt } from "./columns";
import { lessons } from "./scheduling";
import { users } from "./users";

export const REMINDER_LEADS_MINUTES = [30, 60, 1440] as const;

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text().notNull(),
    title: text().notNull(),
    body: text(),
    link: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    readAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt.desc()),
    index("notifications_user_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    // One unread row per group (a conversation's new messages): the upsert that counts them is race-free.
    uniqueIndex("notifications_unread_group_key")
      .on(t.userId, sql`(${t.data} ->> 'group')`)
      .where(sql`${t.readAt} is null and (${t.data} ->> 'group') is not null`),
    check("notifications_title_length", sql`char_length(${t.title}) between 1 and 200`),
    check("notifications_body_length", sql`${t.body} is null or char_length(${t.body}) <= 1000`),
    check("notifications_link_relative", sql`${t.link} is null or ${t.link} like '/%'`),
  ],
);

export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    reminderLeadMinutes: integer()
      .array()
      .notNull()
      .default(sql`'{60,1440}'::integer[]`),
    inApp: boolean().notNull().default(true),
    email: boolean().notNull().default(true),
    push: boolean().notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "notification_preferences_leads_allowed",
      sql`${t.reminderLeadMinutes} <@ array[${sql.raw(REMINDER_LEADS_MINUTES.join(", "))}]::integer[]`,
    ),
  ],
);

/** The unique key makes each reminder exactly-once across overlapping sweeps; the start is in it so a moved lesson is reminded again. */
export const reminderDeliveries = pgTable(
  "reminder_deliveries",
  {
    id: id(),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    leadMinutes: integer().notNull(),
    lessonStartsAt: instant().notNull(),
    claimedAt: createdAt(),
    deliveredAt: instant(),
  },
  (t) => [
    unique("reminder_deliveries_once_key").on(t.lessonId, t.userId, t.leadMinutes, t.lessonStartsAt),
    index("reminder_deliveries_user_idx").on(t.userId),
    index("reminder_deliveries_undelivered_idx")
      .on(t.claimedAt)
      .where(sql`${t.deliveredAt} is null`),
  ],
);

export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endpoint: text().notNull().unique(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    userAgent: text(),
    createdAt: createdAt(),
    lastUsedAt: instant(),
  },
  (t) => [index("push_subscriptions_user_idx").on(t.userId)],
);

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: id(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    idempotencyKey: text().unique(),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_created_idx").on(t.createdAt.desc())],
);

export const notificationsRelations = relations(notifications, ({ one }) => ({
  user: one(users, { fields: [notifications.userId], references: [users.id] }),
}));

export const reminderDeliveriesRelations = relations(reminderDeliveries, ({ one }) => ({
  lesson: one(lessons, { fields: [reminderDeliveries.lessonId], references: [lessons.id] }),
  user: one(users, { fields: [reminderDeliveries.userId], references: [users.id] }),
}));

export const pushSubscriptionsRelations = relations(pushSubscriptions, ({ one }) => ({
  user: one(users, { fields: [pushSubscriptions.userId], references: [users.id] }),
}));

export type Notification = typeof notifications.$inferSelect;
export type NotificationPreferences = typeof notificationPreferences.$inferSelect;
export type ReminderDelivery = typeof reminderDeliveries.$inferSelect;
export type PushSubscription = typeof pushSubscriptions.$inferSelect;
export type OutboxEmail = typeof emailOutbox.$inferSelect;
