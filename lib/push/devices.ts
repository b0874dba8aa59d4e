import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { pushSubscriptions, users, type User } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { idField } from "@/lib/access/ids";
import { failure, invalid, SESSION_ENDED, type ActionResult } from "@/lib/actions";
import { optionalText, singleLineText } from "@/lib/text";
import { plural } from "@/lib/utils";
import { sendPush } from "./index";

/** Devices belong to the session's user: only its id is needed. */
export type DeviceOwner = Pick<User, "id">;

/**
 * Past this, subscribing a new device removes the one used least recently. Browsers drop subscriptions without
 * telling us (cleared site data, a reinstalled phone), so old rows pile up; refusing would make people tidy a list
 * they cannot tell apart.
 */
export const MAX_DEVICES_PER_USER = 10;

const ENDPOINT_MAX_LENGTH = 2048;

/**
 * The push services of the browsers that have web push (Chrome, Samsung Internet and Opera use Google's). The server
 * sends a request to every stored endpoint, so no other host is accepted: an endpoint must not be a way to make
 * MusBook call into a private network.
 */
const PUSH_SERVICE_HOSTS = ["fcm.googleapis.com", "push.services.mozilla.com", "push.apple.com", "notify.windows.com"];

const isPushServiceHost = (hostname: string) => PUSH_SERVICE_HOSTS.some((host) => hostname === host || hostname.endsWith(`.${host}`));

const parseUrl = (value: string) => (URL.canParse(value) ? new URL(value) : null);

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

const base64url = (label: string, max: number) =>
  z
    .string({ error: `The subscription has no ${label}.` })
    .max(max, `The ${label} can be at most ${max} characters.`)
    .regex(BASE64URL, `The ${label} is not valid base64url.`);

/** `PushSubscription.toJSON()` and the browser's user agent. */
const subscribeDeviceSchema = z.strictObject({
  endpoint: z
    .string({ error: "The subscription has no push service address." })
    .max(ENDPOINT_MAX_LENGTH, `The push service address can be at most ${ENDPOINT_MAX_LENGTH} characters.`)
    .refine((value) => parseUrl(value)?.protocol === "https:", {
      error: "The push service address must be an https:// address.",
      abort: true,
    })
    .refine((value) => isPushServiceHost(parseUrl(value)!.hostname), "This browser's push service is not supported."),
  // Browsers send it; none sets one today, and a lapsed subscription is dropped when its push service answers 410.
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject(
    { p256dh: base64url("encryption key", 200), auth: base64url("authentication secret", 100) },
    { error: "The subscription has no encryption keys." },
  ),
  userAgent: optionalText(singleLineText("The browser description", 400)),
});

const removeDeviceSchema = z.strictObject({ deviceId: idField("We couldn't find that device.") });

const DEVICE_NOT_FOUND = failure("not-found", "We couldn't find that device. It may have been removed already.");

const BROWSERS: [RegExp, string][] = [
  // Most browsers also name Chrome and Safari, so those come last.
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(?:Firefox|FxiOS)\//, "Firefox"],
  [/\b(?:Chrome|CriOS)\//, "Chrome"],
  // An app added to an iPhone's Home Screen says only "Mobile/…", not "Safari/…".
  [/\bSafari\/|\bAppleWebKit\/.*\bMobile\//, "Safari"],
];

const SYSTEMS: [RegExp, string][] = [
  // iPhones say "like Mac OS X" and Android says "Linux": the specific name first.
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bWindows\b/, "Windows"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMacintosh\b/, "Mac"],
  [/\bLinux\b/, "Linux"],
];

const firstMatch = (text: string, patterns: [RegExp, string][]) => patterns.find(([pattern]) => pattern.test(text))?.[1];

/** "Chrome on Android", "Safari on iPhone": enough for a person to tell their devices apart. */
export function deviceLabel(userAgent: string | null | undefined): string {
  if (!userAgent) return "Browser";
  const browser = firstMatch(userAgent, BROWSERS) ?? "Browser";
  const system = firstMatch(userAgent, SYSTEMS);
  return system ? `${browser} on ${system}` : browser;
}

export interface PushDevice {
  id: string;
  label: string;
  /** The client compares it with its own subscription to mark "This device". */
  endpoint: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/**
 * Subscribing an endpoint stored for someone else (a shared browser after a change of user) moves it to this user, so
 * the previous user's notices stop reaching that browser.
 */
export async function subscribeDevice(owner: DeviceOwner, raw: unknown): Promise<ActionResult<{ deviceId: string }>> {
  const parsed = subscribeDeviceSchema.safeParse(raw);
  if (!parsed.success)
    return invalid(parsed.error, "This browser's notification subscription could not be saved. Reload the page and try again.");
  const { endpoint, keys, userAgent } = parsed.data;

  return inTransaction(async ({ tx }) => {
    // One subscription at a time per user, so two devices subscribing together cannot both slip under the cap.
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, owner.id)).for("no key update");
    if (!user) return SESSION_ENDED;

    const takenOver = sql`${pushSubscriptions.userId} <> excluded.user_id`;
    const [device] = await tx
      .insert(pushSubscriptions)
      .values({ userId: user.id, endpoint, p256dh: keys.p256dh, auth: keys.auth, userAgent: userAgent ?? null })
      .onConflictDoUpdate({
        target: pushSubscriptions.endpoint,
        set: {
          userId: user.id,
          p256dh: keys.p256dh,
          auth: keys.auth,
          userAgent: userAgent ?? null,
          // A device taken over from someone else starts afresh: its dates were the other person's.
          createdAt: sql`case when ${takenOver} then now() else ${pushSubscriptions.createdAt} end`,
          lastUsedAt: sql`case when ${takenOver} then null else ${pushSubscriptions.lastUsedAt} end`,
        },
      })
      .returning({ id: pushSubscriptions.id });

    const beyondCap = await tx
      .select({ id: pushSubscriptions.id, userAgent: pushSubscriptions.userAgent })
      .from(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, user.id), ne(pushSubscriptions.id, device!.id)))
      .orderBy(desc(sql`coalesce(${pushSubscriptions.lastUsedAt}, ${pushSubscriptions.createdAt})`), desc(pushSubscriptions.createdAt))
      .offset(MAX_DEVICES_PER_USER - 1);
    const staleIds = beyondCap.map((row) => row.id);
    if (staleIds.length > 0) await tx.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, staleIds));

    const removed = beyondCap.map((row) => deviceLabel(row.userAgent)).join(", ");
    const message =
      beyondCap.length === 0
        ? "Notifications are on for this device."
        : `Notifications are on for this device. You can have up to ${MAX_DEVICES_PER_USER} devices, so the one used least recently (${removed}) no longer gets them.`;
    return { ok: true, message, data: { deviceId: device!.id } };
  });
}

/** Newest first. */
export async function listDevices(owner: DeviceOwner): Promise<PushDevice[]> {
  const rows = await db
    .select({
      id: pushSubscriptions.id,
      userAgent: pushSubscriptions.userAgent,
      endpoint: pushSubscriptions.endpoint,
      createdAt: pushSubscriptions.createdAt,
      lastUsedAt: pushSubscriptions.lastUsedAt,
    })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, owner.id))
    .orderBy(desc(pushSubscriptions.createdAt), desc(pushSubscriptions.id));
  return rows.map(({ userAgent, ...device }) => ({ ...device, label: deviceLabel(userAgent) }));
}

/** Someone else's device answers exactly as an unknown one does. */
export async function removeDevice(owner: DeviceOwner, raw: unknown): Promise<ActionResult> {
  const parsed = removeDeviceSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, DEVICE_NOT_FOUND.error);
  const [removed] = await db
    .delete(pushSubscriptions)
    .where(and(eq(pushSubscriptions.id, parsed.data.deviceId), eq(pushSubscriptions.userId, owner.id)))
    .returning({ id: pushSubscriptions.id });
  if (!removed) return DEVICE_NOT_FOUND;
  return { ok: true, message: "That device will no longer get notifications." };
}

export async function sendTestPush(owner: DeviceOwner): Promise<ActionResult<{ reached: number }>> {
  const { sent, removed, failed } = await sendPush(owner.id, {
    title: "MusBook test notification",
    body: "Notifications reach this device.",
    url: "/settings/notifications",
  });
  if (sent + removed + failed === 0)
    return { ok: false, error: "No device has notifications turned on yet. Choose “Notify me on this device” first." };

  const gone =
    removed > 0 ? `${plural(removed, "device")} no longer accepted notifications and ${removed === 1 ? "was" : "were"} removed.` : null;
  const unreachable = failed > 0 ? `${plural(failed, "device")} could not be reached just now.` : null;
  if (sent === 0) {
    const advice = failed > 0 ? "Try again in a few minutes." : "Choose “Notify me on this device” on each device you want notified.";
    return { ok: false, error: ["The test notification reached no device.", gone, unreachable, advice].filter(Boolean).join(" ") };
  }
  const message = [`Test notification sent to ${plural(sent, "device")}.`, gone, unreachable].filter(Boolean).join(" ");
  return { ok: true, message, data: { reached: sent } };
}
