import { InngestTestEngine } from "@inngest/test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { notificationPreferences, notifications } from "@/db/schema";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

const pushed = vi.hoisted(() => ({ userIds: [] as string[] }));
vi.mock("@/lib/push", () => ({
  sendPush: async (userId: string) => {
    pushed.userIds.push(userId);
    return { sent: 1, removed: 0, failed: 0 };
  },
}));

const { eventFunctions } = await import("@/inngest/functions/events");

setupTestDatabase();

afterEach(() => {
  pushed.userIds.length = 0;
});

async function storedNotification() {
  const user = await createUser();
  await db.insert(notificationPreferences).values({ userId: user.id });
  const [row] = await db.insert(notifications).values({ userId: user.id, type: "lesson.requested", title: "Lesson requested" }).returning();
  return { user, notification: row! };
}

describe("Inngest event functions", () => {
  it("delivers notification pushes in a step, through the same domain function", async () => {
    const { user, notification } = await storedNotification();
    const deliver = eventFunctions.find((fn) => fn.id() === "deliver-notification-push")!;
    const { result, error } = await new InngestTestEngine({
      function: deliver,
      events: [{ name: "notification/created", data: { notificationIds: [notification.id] } }],
    }).execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ pushed: 1 });
    expect(pushed.userIds).toEqual([user.id]);
  });

  it("fails a run whose event data is malformed, without side effects", async () => {
    const deliver = eventFunctions.find((fn) => fn.id() === "deliver-notification-push")!;
    const { error } = await new InngestTestEngine({ function: deliver, events: [{ name: "notification/created", data: { notificationIds: "x" } }] }).execute();
    expect(error).toBeDefined();
    expect(pushed.userIds).toHaveLength(0);
  });
});
