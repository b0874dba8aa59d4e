import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { notificationPreferences, notifications } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { settleBackgroundWork } from "@/lib/background";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

const published = vi.hoisted(() => ({ calls: [] as { channel: string; event: string; data: Record<string, unknown> }[], real: false }));
vi.mock("@/lib/realtime", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/realtime")>();
  return {
    ...actual,
    publish: async (channel: string, event: string, data: Record<string, unknown>) => {
      if (published.real) return actual.publish(channel, event, data);
      published.calls.push({ channel, event, data });
      return true;
    },
  };
});
const pushed = vi.hoisted(() => ({ calls: [] as { userId: string; title: string }[] }));
vi.mock("@/lib/push", () => ({
  sendPushes: async (pushes: { userId: string; payload: { title: string } }[]) => {
    pushed.calls.push(...pushes.map(({ userId, payload }) => ({ userId, title: payload.title })));
    return { sent: pushes.length, removed: 0, failed: 0 };
  },
}));

const { listNotifications, markNotificationsRead, notify, notifyGrouped, unreadNotificationCount } = await import("@/lib/notifications");

setupTestDatabase();

beforeEach(() => {
  published.calls.length = 0;
  published.real = false;
  pushed.calls.length = 0;
});

const lessonRequested = {
  type: "lesson.requested",
  title: "New lesson request",
  body: "Maya asked for Tuesday 17:00",
  link: "/lessons",
} as const;

describe("notify", () => {
  it("stores one notification per distinct recipient and publishes it on each user channel with the unread count", async () => {
    const [a, b] = [await createUser(), await createUser()];
    const rows = await notify([a.id, b.id, a.id], lessonRequested);
    expect(rows).toHaveLength(2);
    expect(published.calls.map((call) => call.channel).sort()).toEqual([`private-user-${a.id}`, `private-user-${b.id}`].sort());
    const forA = published.calls.find((call) => call.channel === `private-user-${a.id}`)!;
    expect(forA.event).toBe("notification.created");
    expect(forA.data).toMatchObject({ unreadCount: 1, notification: { title: "New lesson request", link: "/lessons", readAt: null } });
  });

  it("publishes ids and a short summary only, never the stored data", async () => {
    const user = await createUser();
    await notify([user.id], { ...lessonRequested, body: "x".repeat(900), data: { privateNote: "never on the wire" } });
    const payload = JSON.stringify(published.calls[0]!.data);
    expect(payload).not.toContain("never on the wire");
    expect((published.calls[0]!.data.notification as { body: string }).body.length).toBeLessThanOrEqual(200);
    expect(Buffer.byteLength(payload)).toBeLessThan(10_240);
  });

  it("inside a transaction, publishes only after the commit and nothing when it rolls back", async () => {
    const user = await createUser();
    await expect(
      inTransaction(async (scope) => {
        await notify([user.id], lessonRequested, scope);
        expect(published.calls).toHaveLength(0);
        throw new Error("the booking failed");
      }),
    ).rejects.toThrow("the booking failed");
    expect(published.calls).toHaveLength(0);
    expect(await db.select().from(notifications).where(eq(notifications.userId, user.id))).toHaveLength(0);

    await inTransaction(async (scope) => {
      await notify([user.id], lessonRequested, scope);
      expect(published.calls).toHaveLength(0);
    });
    expect(published.calls).toHaveLength(1);
  });

  it("stores the notification even when realtime is unreachable (delivery half)", async () => {
    published.real = true; // the real publish, to a port where nothing listens
    const user = await createUser();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(notify([user.id], lessonRequested)).resolves.toHaveLength(1);
    expect(errors.mock.calls.some(([line]) => String(line).includes("not sent"))).toBe(true);
    errors.mockRestore();
    expect(await unreadNotificationCount(user)).toBe(1);
  });

  it("refuses links to other sites and unknown types: a bug in feature code, not user input", async () => {
    const user = await createUser();
    await expect(notify([user.id], { ...lessonRequested, link: "//evil.example/phish" })).rejects.toThrow();
    await expect(notify([user.id], { ...lessonRequested, link: "https://evil.example" })).rejects.toThrow();
    await expect(notify([user.id], { ...lessonRequested, type: "made.up" as "lesson.requested" })).rejects.toThrow();
  });

  it("shortens a title or body too long for its column instead of throwing, never splitting an emoji", async () => {
    const user = await createUser();
    const [row] = await notify([user.id], { ...lessonRequested, title: `${"🎻".repeat(250)}`, body: `Reason: ${"é🎹".repeat(600)}` });
    expect(row!.title).toBe(`${"🎻".repeat(199)}…`);
    expect([...row!.body!]).toHaveLength(1000);
    expect(row!.body).toMatch(/^Reason: (é🎹)+é?…$/u);
    const live = published.calls.find((call) => call.event === "notification.created")!.data.notification as { body: string };
    expect([...live.body]).toHaveLength(200);
    expect(live.body).not.toMatch(/\p{Surrogate}/u);
  });

  it("pushes to recipients who want push, and not a notification read before the push ran", async () => {
    await settleBackgroundWork();
    pushed.calls.length = 0;
    const [wantsPush, noPush, readFast] = [await createUser(), await createUser(), await createUser()];
    await db
      .insert(notificationPreferences)
      .values([{ userId: wantsPush.id }, { userId: noPush.id, pushCategories: ["messages"] }, { userId: readFast.id }]);
    await notify([wantsPush.id, noPush.id], lessonRequested);
    await settleBackgroundWork();
    expect(pushed.calls).toEqual([{ userId: wantsPush.id, title: "New lesson request" }]);

    pushed.calls.length = 0;
    const { deliverNotificationPushes } = await import("@/lib/notifications/delivery");
    const [row] = await db
      .insert(notifications)
      .values({ userId: readFast.id, type: "message.received", title: "Hi", readAt: new Date() })
      .returning();
    expect(await deliverNotificationPushes([row!.id])).toEqual({ pushed: 0 });
  });
});

describe("notifyGrouped", () => {
  const messageNotice = (body: string) => (count: number) => ({
    type: "message.received" as const,
    title: count === 1 ? "New message from Maya" : `${count} new messages from Maya`,
    body,
    link: "/messages",
  });

  it("keeps the newest event's body when an older event commits after it", async () => {
    const user = await createUser();
    await notifyGrouped(user.id, "conversation:late", messageNotice("second"), new Date("2026-11-30T10:00:02Z"));
    await notifyGrouped(user.id, "conversation:late", messageNotice("first"), new Date("2026-11-30T10:00:01Z"));
    const rows = await db.select().from(notifications).where(eq(notifications.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ title: "2 new messages from Maya", body: "second", createdAt: new Date("2026-11-30T10:00:02Z") });
  });
});

describe("listing and reading notifications", () => {
  it("lists only the viewer's notifications, newest first, with filters and pages", async () => {
    const [me, someoneElse] = [await createUser(), await createUser()];
    for (let index = 0; index < 25; index++) {
      await db.insert(notifications).values({
        userId: me.id,
        type: index % 5 === 0 ? "message.received" : "lesson.requested",
        title: `Notification ${index}`,
        createdAt: new Date(Date.UTC(2026, 10, 1, 12, index)),
        readAt: index < 10 ? new Date() : null,
      });
    }
    await db.insert(notifications).values({ userId: someoneElse.id, type: "lesson.requested", title: "Not yours" });

    const first = await listNotifications(me, { limit: 10 });
    expect(first).toMatchObject({ total: 25, pageCount: 3, unreadCount: 15 });
    expect(first.items[0]!.title).toBe("Notification 24");
    expect((await listNotifications(me, { limit: 10, page: 3 })).items.map((item) => item.title)).toEqual([
      "Notification 4",
      "Notification 3",
      "Notification 2",
      "Notification 1",
      "Notification 0",
    ]);
    expect((await listNotifications(me, { status: "unread" })).total).toBe(15);
    expect((await listNotifications(me, { category: "messages" })).items.every((item) => item.type === "message.received")).toBe(true);
    expect((await listNotifications(me, { category: "messages", status: "unread" })).total).toBe(3);
    expect(JSON.stringify(await listNotifications(me, { limit: 50 }))).not.toContain("Not yours");
  });

  it("marks the viewer's own notifications read and ignores anyone else's ids", async () => {
    const [me, other] = [await createUser(), await createUser()];
    const [mine] = await notify([me.id], lessonRequested);
    const [theirs] = await notify([other.id], lessonRequested);
    published.calls.length = 0;

    const result = await markNotificationsRead(me, { ids: [mine!.id, theirs!.id] });
    expect(result).toEqual({ ok: true, data: { marked: 1, unreadCount: 0 } });
    const [untouched] = await db.select().from(notifications).where(eq(notifications.id, theirs!.id));
    expect(untouched!.readAt).toBeNull();
    expect(published.calls).toEqual([
      { channel: `private-user-${me.id}`, event: "notifications.read", data: { ids: [mine!.id], unreadCount: 0 } },
    ]);
  });

  it("marks everything read at once", async () => {
    const me = await createUser();
    await notify([me.id], lessonRequested);
    await notify([me.id], { type: "message.received", title: "New message" });
    expect(await markNotificationsRead(me, { all: true })).toEqual({ ok: true, data: { marked: 2, unreadCount: 0 } });
    expect(await markNotificationsRead(me, { all: true })).toEqual({ ok: true, data: { marked: 0, unreadCount: 0 } });
  });

  it.each([
    ["nothing", undefined],
    ["an empty list", { ids: [] }],
    ["a malformed id", { ids: ["1 or 1=1"] }],
    ["too many ids", { ids: Array.from({ length: 101 }, () => crypto.randomUUID()) }],
    ["all: false", { all: false }],
    ["an extra field", { all: true, userId: crypto.randomUUID() }],
  ])("answers %s with a clear error", async (_case, body) => {
    const me = await createUser();
    const result = await markNotificationsRead(me, body);
    expect(result.ok).toBe(false);
  });
});
