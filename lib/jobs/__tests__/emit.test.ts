import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { notificationPreferences, notifications } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { settleBackgroundWork } from "@/lib/background";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

const pushed = vi.hoisted(() => ({ userIds: [] as string[] }));
vi.mock("@/lib/push", () => ({
  sendPush: async (userId: string) => {
    pushed.userIds.push(userId);
    return { sent: 1, removed: 0, failed: 0 };
  },
}));

const { emit } = await import("@/lib/jobs/emit");

setupTestDatabase();

afterEach(() => {
  pushed.userIds.length = 0;
});

async function storedNotification() {
  const user = await createUser();
  await db.insert(notificationPreferences).values({ userId: user.id });
  const [row] = await db.insert(notifications).values({ userId: user.id, type: "message.received", title: "New message" }).returning();
  return { user, notification: row! };
}

describe("emit (embedded mode)", () => {
  it("runs the event's handlers in-process", async () => {
    const { user, notification } = await storedNotification();
    await emit({ name: "notification/created", data: { notificationIds: [notification.id] } });
    await settleBackgroundWork();
    expect(pushed.userIds).toEqual([user.id]);
  });

  it("waits for the transaction to commit, and sends nothing when it rolls back", async () => {
    const { notification } = await storedNotification();
    await inTransaction(async (scope) => {
      await emit({ name: "notification/created", data: { notificationIds: [notification.id] } }, scope);
      await settleBackgroundWork();
      expect(pushed.userIds).toHaveLength(0);
    });
    await settleBackgroundWork();
    expect(pushed.userIds).toHaveLength(1);

    await inTransaction(async (scope) => {
      await emit({ name: "notification/created", data: { notificationIds: [notification.id] } }, scope);
      throw new Error("rolled back");
    }).catch(() => {});
    await settleBackgroundWork();
    expect(pushed.userIds).toHaveLength(1);
  });

  it("logs and drops an event with malformed data instead of throwing at the caller", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(emit({ name: "notification/created", data: { notificationIds: ["not-a-uuid"] } })).resolves.toBeUndefined();
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("notification/created not sent"));
    errors.mockRestore();
  });
});
