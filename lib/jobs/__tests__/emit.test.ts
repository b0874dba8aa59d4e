import { afterEach, describe, expect, it, vi } from "vitest";
import { inTransaction } from "@/db/transaction";
import { settleBackgroundWork } from "@/lib/background";
import { setupTestDatabase } from "@/tests/database";
import { pushedUserIds, storedNotification } from "@/tests/push-recorder";

vi.mock("@/lib/push", () => import("@/tests/push-recorder"));

const { emit } = await import("@/lib/jobs/emit");

setupTestDatabase();

afterEach(() => {
  pushedUserIds.length = 0;
});

describe("emit (embedded mode)", () => {
  it("runs the event's handlers in-process", async () => {
    const { user, notification } = await storedNotification();
    await emit({ name: "notification/created", data: { notificationIds: [notification.id] } });
    await settleBackgroundWork();
    expect(pushedUserIds).toEqual([user.id]);
  });

  it("waits for the transaction to commit, and sends nothing when it rolls back", async () => {
    const { notification } = await storedNotification();
    await inTransaction(async (scope) => {
      await emit({ name: "notification/created", data: { notificationIds: [notification.id] } }, scope);
      await settleBackgroundWork();
      expect(pushedUserIds).toHaveLength(0);
    });
    await settleBackgroundWork();
    expect(pushedUserIds).toHaveLength(1);

    await inTransaction(async (scope) => {
      await emit({ name: "notification/created", data: { notificationIds: [notification.id] } }, scope);
      throw new Error("rolled back");
    }).catch(() => {});
    await settleBackgroundWork();
    expect(pushedUserIds).toHaveLength(1);
  });

  it("logs and drops an event with malformed data instead of throwing at the caller", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(emit({ name: "notification/created", data: { notificationIds: ["not-a-uuid"] } })).resolves.toBeUndefined();
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("notification/created not sent"));
    errors.mockRestore();
  });
});
