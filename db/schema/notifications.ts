import { relations, sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant, updatedAt } from "./columns";
import { lessons } from "./scheduling";
import { users } from "./users";
// Relative: drizzle-kit reads this file without the path aliases.
import {
  DEFAULT_PREFERENCES,
  PREFERENCE_CATEGORIES,
  REMINDER_LEADS_MINUTES,
  type PreferenceCategory,
} from "../../lib/notifications/preference-categories";

const sqlIntegers = (values: readonly number[]) => sql.raw(`'{${values.join(",")}}'::integer[]`);
const sqlTexts = (values: readonly string[]) => sql.raw(`'{${values.join(",")}}'::text[]`);
const allowedCategories = (column: unknown) => sql`${column} <@ ${sqlTexts(PREFERENCE_CATEGORIES)}`;

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
    /** False when the person turned the app off for this kind of notice: the row exists only so email and push can be sent from it, and is stored read. */
    inApp: boolean().notNull().default(true),
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
    reminderLeadMinutes: integer().array().notNull().default(sqlIntegers(DEFAULT_PREFERENCES.reminderLeadMinutes)),
    inAppCategories: text().array().$type<PreferenceCategory[]>().notNull().default(sqlTexts(DEFAULT_PREFERENCES.inAppCategories)),
    emailCategories: text().array().$type<PreferenceCategory[]>().notNull().default(sqlTexts(DEFAULT_PREFERENCES.emailCategories)),
    pushCategories: text().array().$type<PreferenceCategory[]>().notNull().default(sqlTexts(DEFAULT_PREFERENCES.pushCategories)),
    weeklySummary: boolean().notNull().default(DEFAULT_PREFERENCES.weeklySummary),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "notification_preferences_leads_allowed",
      sql`${t.reminderLeadMinutes} <@ array[${sql.raw(REMINDER_LEADS_MINUTES.join(", "))}]::integer[]`,
    ),
    check("notification_preferences_in_app_allowed", allowedCategories(t.inAppCategories)),
    check("notification_preferences_email_allowed", allowedCategories(t.emailCategories)),
    check("notification_preferences_push_allowed", allowedCategories(t.pushCategories)),
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
    /** Each channel is marked when it is done, so a retried or re-sent delivery repeats none that succeeded. */
    inAppSentAt: instant(),
    emailSentAt: instant(),
    pushSentAt: instant(),
    /** Done: every channel sent, or the lesson no longer due (see `outcome`). */
    deliveredAt: instant(),
    outcome: text().$type<ReminderOutcome>(),
  },
  (t) => [
    unique("reminder_deliveries_once_key").on(t.lessonId, t.userId, t.leadMinutes, t.lessonStartsAt),
    index("reminder_deliveries_user_idx").on(t.userId, t.lessonStartsAt),
    index("reminder_deliveries_undelivered_idx")
      .on(t.claimedAt)
      .where(sql`${t.deliveredAt} is null`),
  ],
);

export type ReminderOutcome = "sent" | "lesson-changed" | "opted-out";

/** One row per person per week (the Sunday's date in their zone): the insert claims the weekly summary, so it is sent at most once. */
export const weeklySummaryDeliveries = pgTable(
  "weekly_summary_deliveries",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    weekOf: date({ mode: "string" }).notNull(),
    claimedAt: createdAt(),
    sentAt: instant(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.weekOf] })],
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
    attachments: jsonb().$type<OutboxAttachment[]>().notNull().default([]),
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

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  /** Text attachments (iCalendar) only. */
  content: string;
}

export type Notification = typeof notifications.$inferSelect;
export type NotificationPreferences = typeof notificationPreferences.$inferSelect;
export type ReminderDelivery = typeof reminderDeliveries.$inferSelect;
export type WeeklySummaryDelivery = typeof weeklySummaryDeliveries.$inferSelect;
export type PushSubscription = typeof pushSubscriptions.$inferSelect;
export type OutboxEmail = typeof emailOutbox.$inferSelect;
