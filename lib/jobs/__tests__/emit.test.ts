import { afterEach, describe, expect, it, vi } from "vitest";
import { inTransaction } from "@/db/transaction";
import { settleBackgroundWork } from "@/lib/background";
import { setupTestDatabase } from "@/tests/database";
import { pushedUserIds, storedNotification } from "@/tests/push-recorder";

vi.mock("@/lib/push", () => import("@/tests/push-recorder"));

const { emit, emitAll } = await import("@/lib/jobs/emit");
const { eventHandlers } = await import("@/lib/jobs/event-handlers");

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

  it("gives a batching handler its events in chunks of its batch size, one after another, and a failed chunk stops no other", async () => {
    const handler = eventHandlers.find((candidate) => candidate.id === "deliver-reminder")!;
    const chunks: number[] = [];
    let running = 0;
    const run = vi.spyOn(handler, "run").mockImplementation(async (events) => {
      expect(running).toBe(0);
      running++;
      chunks.push(events.length);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      if (chunks.length === 1) throw new Error("the first chunk fails");
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await emitAll(Array.from({ length: 250 }, () => ({ name: "reminder/due" as const, data: { deliveryId: crypto.randomUUID() } })));
    await settleBackgroundWork();
    expect(chunks).toEqual([100, 100, 50]);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("deliver-reminder failed for 100 event(s): the first chunk fails"));
    run.mockRestore();
    errors.mockRestore();
  });

  it("logs and drops an event with malformed data instead of throwing at the caller", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(emit({ name: "notification/created", data: { notificationIds: ["not-a-uuid"] } })).resolves.toBeUndefined();
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("notification/created not sent"));
    errors.mockRestore();
  });
});
