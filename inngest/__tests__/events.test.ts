import { InngestTestEngine } from "@inngest/test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/tests/database";
import { pushedUserIds, storedNotification } from "@/tests/push-recorder";

vi.mock("@/lib/push", () => import("@/tests/push-recorder"));

const { eventFunctions } = await import("@/inngest/functions/events");

setupTestDatabase();

afterEach(() => {
  pushedUserIds.length = 0;
});

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
    expect(pushedUserIds).toEqual([user.id]);
  });

  it("fails a run whose event data is malformed, without side effects", async () => {
    const deliver = eventFunctions.find((fn) => fn.id() === "deliver-notification-push")!;
    const { error } = await new InngestTestEngine({
      function: deliver,
      events: [{ name: "notification/created", data: { notificationIds: "x" } }],
    }).execute();
    expect(error).toBeDefined();
    expect(pushedUserIds).toHaveLength(0);
  });
});
