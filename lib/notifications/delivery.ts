import { inArray } from "drizzle-orm";
import { db } from "@/db";
import { notifications, users, type Notification } from "@/db/schema";
import { sendEmail } from "@/lib/email";
import { AccountNotice } from "@/lib/email/templates/account-notice";
import { appUrl } from "@/lib/env";
import { sendPushes } from "@/lib/push";
import { preferenceCategoryOf, wantedChannels, type PreferenceCategory } from "./preference-categories";
import { preferencesOf } from "./preferences";
import type { NotificationType } from "./types";

/** These categories send their own email (the missed-messages summary, the reminder with its calendar file) and push. */
const OWN_EMAIL: PreferenceCategory[] = ["messages", "reminders"];
const OWN_PUSH: PreferenceCategory[] = ["reminders"];

/** The rows as they are now, with each recipient's current choice for each: a choice changed since the event counts. */
async function currentRows(notificationIds: string[], channel: "email" | "push") {
  const rows = await db.select().from(notifications).where(inArray(notifications.id, notificationIds));
  const choices = await preferencesOf(rows.map((row) => row.userId));
  const own = channel === "email" ? OWN_EMAIL : OWN_PUSH;
  return rows.filter((row) => {
    const type = row.type as NotificationType;
    const category = preferenceCategoryOf[type];
    return category !== null && !own.includes(category) && wantedChannels(choices.get(row.userId)!, type)[channel];
  });
}

/**
 * Web push for new notifications, for recipients who want push for their kind. Re-reads the rows when it runs, so a
 * notification already read in the app (say, on another device) by then is not pushed.
 */
export async function deliverNotificationPushes(notificationIds: string[]): Promise<{ pushed: number }> {
  const due = (await currentRows(notificationIds, "push")).filter((row) => !row.inApp || row.readAt === null);
  const { sent } = await sendPushes(
    due.map((notification) => ({
      userId: notification.userId,
      payload: {
        title: notification.title,
        body: notification.body ?? undefined,
        url: notification.link ?? "/notifications",
        tag: notification.id,
      },
    })),
  );
  return { pushed: sent };
}

/**
 * Email for new notifications, for recipients who want email for their kind. The notification id is the idempotency
 * key, so a retried run sends each once. Names and notes are rendered as text.
 */
export async function deliverNotificationEmails(notificationIds: string[]): Promise<{ emailed: number }> {
  const due = await currentRows(notificationIds, "email");
  if (due.length === 0) return { emailed: 0 };
  const readers = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, [...new Set(due.map((row) => row.userId))]));
  let emailed = 0;
  for (const notification of due) {
    const reader = readers.find((candidate) => candidate.id === notification.userId);
    if (!reader) continue;
    await sendEmail({
      to: reader.email,
      subject: notification.title,
      react: noticeEmail(reader.name, notification),
      idempotencyKey: `notification:${notification.id}`,
    });
    emailed++;
  }
  return { emailed };
}

function noticeEmail(name: string, notification: Notification) {
  return AccountNotice({
    name,
    preview: notification.title,
    paragraphs: [notification.title, ...(notification.body ? [notification.body] : [])],
    action: { label: "Open MusBook", url: appUrl(notification.link ?? "/notifications") },
    footer: "You get this email because of your notification choices. Change them under Settings → Notifications.",
  });
}
