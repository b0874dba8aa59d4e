import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { notificationPreferences, notifications, pushSubscriptions } from "@/db/schema";
import type { EmailMessage } from "@/lib/email";
import { settleBackgroundWork } from "@/lib/background";
import { DEFAULT_PREFERENCES, PREFERENCE_CATEGORIES, REMINDER_LEADS_MINUTES } from "@/lib/notifications/preference-categories";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

const sent = vi.hoisted(() => ({ emails: [] as EmailMessage[], pushes: [] as string[], published: [] as string[] }));
vi.mock("@/lib/email", () => ({ sendEmail: async (message: EmailMessage) => void sent.emails.push(message) }));
vi.mock("@/lib/push", () => ({
  sendPushes: async (pushes: { userId: string }[]) => {
    sent.pushes.push(...pushes.map((push) => push.userId));
    return { sent: pushes.length, removed: 0, failed: 0 };
  },
}));
vi.mock("@/lib/realtime", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/realtime")>()),
  publish: async (channel: string) => {
    sent.published.push(channel);
    return true;
  },
}));

const { listNotifications, notify, unreadNotificationCount } = await import("@/lib/notifications");
const { getNotificationPreferences, preferencesWithPushOf, updateNotificationPreferences } =
  await import("@/lib/notifications/preferences");

setupTestDatabase();

beforeEach(async () => {
  await settleBackgroundWork();
  sent.emails.length = 0;
  sent.pushes.length = 0;
  sent.published.length = 0;
});

const form = (fields: string[]) => Object.fromEntries(fields.map((field) => [field, "on"]));

describe("notification preferences", () => {
  it("defaults: the stored row and an account without one read the same", async () => {
    const [stored, without] = [await createUser(), await createUser()];
    await db.insert(notificationPreferences).values({ userId: stored.id });
    expect(await getNotificationPreferences(stored)).toEqual(DEFAULT_PREFERENCES);
    expect(await getNotificationPreferences(without)).toEqual(DEFAULT_PREFERENCES);
  });

  it("read with whether a device takes push, in one statement, the same as read alone", async () => {
    const [stored, without] = [await createUser(), await createUser()];
    await db.insert(notificationPreferences).values({ userId: stored.id, reminderLeadMinutes: [30], emailCategories: [] });
    expect(await preferencesWithPushOf(stored)).toEqual({ choices: await getNotificationPreferences(stored), hasPushDevice: false });
    expect(await preferencesWithPushOf(without)).toEqual({ choices: DEFAULT_PREFERENCES, hasPushDevice: false });
    await db
      .insert(pushSubscriptions)
      .values({ userId: without.id, endpoint: `https://push.example/${without.id}`, p256dh: "key", auth: "auth" });
    expect(await preferencesWithPushOf(without)).toEqual({ choices: DEFAULT_PREFERENCES, hasPushDevice: true });
  });

  it("saves every choice from the form, and an unticked box as off", async () => {
    const user = await createUser();
    const result = await updateNotificationPreferences(
      user,
      form(["lead30", "lead1440", "reminders-email", "reminders-push", "messages-inApp"]),
    );
    expect(result).toEqual({ ok: true, message: "Your notification choices are saved." });
    expect(await getNotificationPreferences(user)).toEqual({
      reminderLeadMinutes: [30, 1440],
      inAppCategories: ["messages"],
      emailCategories: ["reminders"],
      pushCategories: ["reminders"],
      weeklySummary: false,
    });
    const everything = form([
      ...REMINDER_LEADS_MINUTES.map((lead) => `lead${lead}`),
      ...PREFERENCE_CATEGORIES.flatMap((category) => [`${category}-inApp`, `${category}-email`, `${category}-push`]),
      "weeklySummary",
    ]);
    expect((await updateNotificationPreferences(user, everything)).ok).toBe(true);
    expect(await getNotificationPreferences(user)).toEqual({
      reminderLeadMinutes: [...REMINDER_LEADS_MINUTES],
      inAppCategories: [...PREFERENCE_CATEGORIES],
      emailCategories: [...PREFERENCE_CATEGORIES],
      pushCategories: [...PREFERENCE_CATEGORIES],
      weeklySummary: true,
    });
  });

  it("refuses unknown fields and values other than a ticked box, with a message, and changes nothing", async () => {
    const user = await createUser();
    for (const raw of [{ lead45: "on" }, { lead30: "yes" }, { "account-email": "on" }, { userId: "someone-else", lead30: "on" }]) {
      const result = await updateNotificationPreferences(user, raw);
      expect(result).toMatchObject({ ok: false, error: "These choices could not be saved. Reload the page and try again." });
    }
    expect(await getNotificationPreferences(user)).toEqual(DEFAULT_PREFERENCES);
  });

  it("answers a deleted account with a session message instead of an error", async () => {
    const user = await createUser();
    const { users } = await import("@/db/schema");
    await db.delete(users).where(eq(users.id, user.id));
    expect(await updateNotificationPreferences(user, form(["lead30"]))).toMatchObject({ ok: false, code: "session-ended" });
  });
});

describe("notify applies the choices", () => {
  const cancelled = { type: "lesson.cancelled", title: "Maya cancelled Tuesday's lesson", body: "Reason: ill", link: "/lessons" } as const;

  it("sends in the app, by email and by push to someone who wants all three", async () => {
    const user = await createUser();
    await notify([user.id], cancelled);
    await settleBackgroundWork();
    expect(sent.published).toEqual([`private-user-${user.id}`]);
    expect(sent.emails.map((email) => [email.to, email.subject])).toEqual([[user.email, cancelled.title]]);
    expect(sent.emails[0]!.idempotencyKey).toMatch(/^notification:[0-9a-f-]{36}$/);
    expect(sent.pushes).toEqual([user.id]);
  });

  it("with the app off: no bell, no live event, not unread, but email and push still go", async () => {
    const user = await createUser();
    await db.insert(notificationPreferences).values({ userId: user.id, inAppCategories: ["requests"] });
    const [row] = await notify([user.id], cancelled);
    await settleBackgroundWork();
    expect(row).toMatchObject({ inApp: false });
    expect(row!.readAt).not.toBeNull();
    expect((await listNotifications(user)).items).toEqual([]);
    expect(await unreadNotificationCount(user)).toBe(0);
    expect(sent.published).toEqual([]);
    expect(sent.emails).toHaveLength(1);
    expect(sent.pushes).toEqual([user.id]);
  });

  it("stores nothing for someone who turned every channel off for that kind, and still tells them about their account", async () => {
    const user = await createUser();
    await db.insert(notificationPreferences).values({ userId: user.id, inAppCategories: [], emailCategories: [], pushCategories: [] });
    expect(await notify([user.id], cancelled)).toEqual([]);
    await notify([user.id], { type: "account.password_changed", title: "Your password was changed" });
    await settleBackgroundWork();
    expect((await db.select().from(notifications).where(eq(notifications.userId, user.id))).map((row) => row.type)).toEqual([
      "account.password_changed",
    ]);
    expect(sent.emails).toEqual([]);
    expect(sent.pushes).toEqual([]);
  });

  it("a choice changed after the notice but before the email reads the new choice", async () => {
    const user = await createUser();
    const [row] = await notify([user.id], { type: "lesson.attendance", title: "Attendance recorded", link: "/lessons" });
    await settleBackgroundWork();
    expect(sent.emails).toEqual([]);
    await db.insert(notificationPreferences).values({ userId: user.id, emailCategories: ["attendance"] });
    const { deliverNotificationEmails } = await import("@/lib/notifications/delivery");
    expect(await deliverNotificationEmails([row!.id])).toEqual({ emailed: 1 });
  });
});
