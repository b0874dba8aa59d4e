import { and, count, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { notifications, type Notification } from "@/db/schema";
import { inTransaction, type TransactionScope } from "@/db/transaction";
import { invalid, type ActionResult } from "@/lib/actions";
import { emit } from "@/lib/jobs/emit";
import { wantedChannels } from "./preference-categories";
import { preferencesOf } from "./preferences";
import { publish } from "@/lib/realtime";
import { shortenText } from "@/lib/text";
import {
  markReadSchema,
  notificationInputSchema,
  notificationListQuerySchema,
  type NotificationInput,
  type NotificationListQuery,
} from "./schemas";
import {
  notificationCategories,
  USER_CHANNEL_EVENTS,
  userChannel,
  type NotificationCreatedEvent,
  type NotificationsReadEvent,
  type NotificationView,
} from "./types";

const LIVE_BODY_LENGTH = 200;

export function toNotificationView(row: Notification, bodyLength = Infinity): NotificationView {
  const body = row.body && shortenText(row.body, bodyLength);
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    body,
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/**
 * The one way a notice reaches people, and the one place their choices apply (lib/notifications/preferences): a
 * recipient who wants none of its channels gets no row; one who turned the app off for it gets a row stored read and
 * hidden from the bell, which the email and push handlers of `notification/created` send from. Realtime and push are
 * best effort; the stored row is the truth the bell catches up from.
 */
export async function notify(recipientIds: string[], input: NotificationInput, scope?: TransactionScope): Promise<Notification[]> {
  return notifyEach(
    [...new Set(recipientIds)].map((recipientId) => ({ recipientId, input })),
    scope,
  );
}

/** Notices that differ per recipient (a batch of reminders), stored in one statement; otherwise as `notify`. */
export async function notifyEach(
  notices: { recipientId: string; input: NotificationInput }[],
  scope?: TransactionScope,
): Promise<Notification[]> {
  if (notices.length === 0) return [];
  const parsed = notices.map(({ recipientId, input }) => ({ recipientId, ...notificationInputSchema.parse(input) }));
  const executor = scope?.tx ?? db;
  const choices = await preferencesOf(
    parsed.map((notice) => notice.recipientId),
    executor,
  );
  const now = new Date();
  const values = parsed.flatMap(({ recipientId: userId, type, title, body, link, data }) => {
    const wanted = wantedChannels(choices.get(userId)!, type);
    if (!wanted.inApp && !wanted.email && !wanted.push) return [];
    const hidden = wanted.inApp ? {} : { inApp: false, readAt: now };
    return [{ userId, type, title, body: body || null, link: link ?? null, data: data ?? {}, ...hidden }];
  });
  if (values.length === 0) return [];
  const rows = await executor.insert(notifications).values(values).returning();
  const shown = rows.filter((row) => row.inApp);
  const deliver = () => publishCreated(shown);
  if (scope) scope.afterCommit(deliver);
  else await deliver();
  await emit({ name: "notification/created", data: { notificationIds: rows.map((row) => row.id) } }, scope);
  return rows;
}

/**
 * One unread row per group (say, a conversation's new messages) instead of a row per event: each event
 * updates it (count, latest body, newest first again) until the user reads it, then the next one starts
 * a new row. `build` gets the count the row now stands for. The upsert on a unique partial index is what
 * keeps two events arriving at once from making two rows; `at` decides which body is newest, because
 * notices run after the response and may commit out of order.
 */
export async function notifyGrouped(
  recipientId: string,
  group: string,
  build: (count: number) => NotificationInput,
  at = new Date(),
): Promise<{ notification: Notification; count: number } | null> {
  const first = notificationInputSchema.parse(build(1));
  const choice = (await preferencesOf([recipientId])).get(recipientId)!;
  // Grouping is for the bell: without it, each event is its own (hidden) row for email and push, or nothing.
  if (!wantedChannels(choice, first.type).inApp) {
    const [row] = await notify([recipientId], build(1));
    return row ? { notification: row, count: 1 } : null;
  }
  return inTransaction(async (scope) => {
    const data = JSON.stringify({ ...first.data, group, count: 1 });
    const result = (await scope.tx.execute(sql`
      insert into ${notifications} (user_id, type, title, body, link, data, created_at)
      values (${recipientId}, ${first.type}, ${first.title}, ${first.body || null}, ${first.link ?? null}, ${data}::jsonb, ${at.toISOString()}::timestamptz)
      on conflict (user_id, (data ->> 'group')) where read_at is null and (data ->> 'group') is not null
      do update set
        body = case when excluded.created_at >= ${notifications}.created_at then excluded.body else ${notifications}.body end,
        link = case when excluded.created_at >= ${notifications}.created_at then excluded.link else ${notifications}.link end,
        created_at = greatest(${notifications}.created_at, excluded.created_at),
        data = ${notifications}.data || jsonb_build_object('count', coalesce((${notifications}.data ->> 'count')::int, 1) + 1)
      returning id, (data ->> 'count')::int as count`)) as unknown as { rows: { id: string; count: number }[] };
    const { id, count: total } = result.rows[0]!;
    const { title } = total === 1 ? first : notificationInputSchema.parse(build(total));
    const [row] = await scope.tx.update(notifications).set({ title }).where(eq(notifications.id, id)).returning();
    scope.afterCommit(() => publishCreated([row!]));
    await emit({ name: "notification/created", data: { notificationIds: [id] } }, scope);
    return { notification: row!, count: total };
  });
}

/** Reading what a group is about (the conversation) reads its notification too. */
export async function markGroupRead(userId: string, group: string, scope: TransactionScope, now = new Date()): Promise<void> {
  const rows = await scope.tx
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), sql`${notifications.data} ->> 'group' = ${group}`))
    .returning({ id: notifications.id });
  const marked = rows.map((row) => row.id);
  if (marked.length === 0) return;
  scope.afterCommit(async () => {
    const event: NotificationsReadEvent = { ids: marked, unreadCount: await unreadNotificationCount({ id: userId }) };
    await publish(userChannel(userId), USER_CHANNEL_EVENTS.notificationsRead, { ...event });
  });
}

async function publishCreated(rows: Notification[]): Promise<void> {
  if (rows.length === 0) return;
  try {
    const counts = await unreadCounts(rows.map((row) => row.userId));
    await Promise.all(
      rows.map((row) =>
        publish(userChannel(row.userId), USER_CHANNEL_EVENTS.notificationCreated, {
          notification: toNotificationView(row, LIVE_BODY_LENGTH),
          unreadCount: counts.get(row.userId) ?? 0,
        } satisfies NotificationCreatedEvent as unknown as Record<string, unknown>),
      ),
    );
  } catch (error) {
    console.error(`[notifications] live delivery failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function unreadCounts(userIds: string[]): Promise<Map<string, number>> {
  const rows = await db
    .select({ userId: notifications.userId, unread: count() })
    .from(notifications)
    .where(and(inArray(notifications.userId, [...new Set(userIds)]), isNull(notifications.readAt)))
    .groupBy(notifications.userId);
  return new Map(rows.map((row) => [row.userId, row.unread]));
}

export async function unreadNotificationCount(viewer: { id: string }): Promise<number> {
  return (await unreadCounts([viewer.id])).get(viewer.id) ?? 0;
}

export interface NotificationPage {
  items: NotificationView[];
  page: number;
  pageCount: number;
  total: number;
  unreadCount: number;
}

export async function listNotifications(viewer: { id: string }, query: Partial<NotificationListQuery> = {}): Promise<NotificationPage> {
  const { status, category, page, limit } = notificationListQuerySchema.parse(query);
  const filters: SQL[] = [eq(notifications.userId, viewer.id), eq(notifications.inApp, true)];
  if (status === "unread") filters.push(isNull(notifications.readAt));
  if (category) filters.push(inArray(notifications.type, [...notificationCategories[category]]));
  const where = and(...filters);
  const [rows, [totals], unreadCount] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit)
      .offset((page - 1) * limit),
    db.select({ total: count() }).from(notifications).where(where),
    unreadNotificationCount(viewer),
  ]);
  const total = totals?.total ?? 0;
  return { items: rows.map((row) => toNotificationView(row)), page, pageCount: Math.max(1, Math.ceil(total / limit)), total, unreadCount };
}

/** Ids that are not the viewer's are ignored, revealing nothing about them. */
export async function markNotificationsRead(
  viewer: { id: string },
  raw: unknown,
  now = new Date(),
): Promise<ActionResult<{ marked: number; unreadCount: number }>> {
  const parsed = markReadSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, "Say which notifications to mark as read.");
  const mine = and(eq(notifications.userId, viewer.id), isNull(notifications.readAt));
  const marked = await db
    .update(notifications)
    .set({ readAt: now })
    .where("ids" in parsed.data ? and(mine, inArray(notifications.id, parsed.data.ids)) : mine)
    .returning({ id: notifications.id });
  const unreadCount = await unreadNotificationCount(viewer);
  if (marked.length > 0) {
    const event: NotificationsReadEvent = { ids: "ids" in parsed.data ? marked.map((row) => row.id) : [], unreadCount };
    await publish(userChannel(viewer.id), USER_CHANNEL_EVENTS.notificationsRead, { ...event });
  }
  return { ok: true, data: { marked: marked.length, unreadCount } };
}
