import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { notificationPreferences, notifications } from "@/db/schema";
import { sendPush } from "@/lib/push";

/**
 * Web push for new notifications, for recipients who want push. Re-reads the rows when it runs, so a
 * notification already read (say, on another device) by then is not pushed.
 */
export async function deliverNotificationPushes(notificationIds: string[]): Promise<{ pushed: number }> {
  const due = await db
    .select({
      id: notifications.id,
      userId: notifications.userId,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
    })
    .from(notifications)
    .innerJoin(notificationPreferences, eq(notificationPreferences.userId, notifications.userId))
    .where(and(inArray(notifications.id, notificationIds), isNull(notifications.readAt), eq(notificationPreferences.push, true)));
  let pushed = 0;
  for (const notification of due) {
    const result = await sendPush(notification.userId, {
      title: notification.title,
      body: notification.body ?? undefined,
      url: notification.link ?? "/notifications",
      tag: notification.id,
    });
    pushed += result.sent;
  }
  return { pushed };
}
