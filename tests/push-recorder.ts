import { db } from "@/db";
import { notificationPreferences, notifications } from "@/db/schema";
import { createUser } from "@/tests/factories";

/**
 * Stands in for `@/lib/push` in tests of event delivery: `vi.mock("@/lib/push", () => import("@/tests/push-recorder"))`.
 * Records whom a push would have gone to; clear `pushedUserIds` between tests.
 */
export const pushedUserIds: string[] = [];

export async function sendPush(userId: string) {
  pushedUserIds.push(userId);
  return { sent: 1, removed: 0, failed: 0 };
}

export async function sendPushes(pushes: { userId: string }[]) {
  pushedUserIds.push(...pushes.map((push) => push.userId));
  return { sent: pushes.length, removed: 0, failed: 0 };
}

/** A user who wants push, with one stored, unread notification. */
export async function storedNotification() {
  const user = await createUser();
  await db.insert(notificationPreferences).values({ userId: user.id });
  const [row] = await db.insert(notifications).values({ userId: user.id, type: "lesson.requested", title: "Lesson requested" }).returning();
  return { user, notification: row! };
}
