import { inArray } from "drizzle-orm";
import webPush, { WebPushError } from "web-push";
import { db } from "@/db";
import { pushSubscriptions } from "@/db/schema";
import { env, type Env } from "@/lib/env";
import { persistentSecret } from "@/lib/secrets";

export interface PushPayload {
  title: string;
  body?: string;
  url?: string;
  tag?: string;
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/**
 * The configured key pair; in embedded mode one generated once into DATA_DIR. Hosted instances share no files, so
 * there push is off (null) until the pair is set: a key generated per instance would not match its subscriptions.
 */
export function vapidKeys(config: Env = env()): VapidKeys | null {
  if (config.VAPID_PUBLIC_KEY && config.VAPID_PRIVATE_KEY) {
    return { publicKey: config.VAPID_PUBLIC_KEY, privateKey: config.VAPID_PRIVATE_KEY };
  }
  if (config.DATABASE_URL) return null;
  return JSON.parse(persistentSecret(undefined, "vapid-keys.json", () => JSON.stringify(webPush.generateVAPIDKeys()))) as VapidKeys;
}

// Push services cap payloads near 4 KB; text is trimmed well below that.
const clip = (text: string | undefined, length: number) => (text && text.length > length ? `${text.slice(0, length - 1)}…` : text);

export interface PushResult {
  sent: number;
  removed: number;
  failed: number;
}

/** Gone subscriptions (404/410) are deleted; other failures are logged, never thrown. */
export async function sendPush(userId: string, payload: PushPayload): Promise<PushResult> {
  return sendPushes([{ userId, payload }]);
}

/** Pushes to many people at once (a batch of reminders): their devices are read in one statement. As `sendPush` otherwise. */
export async function sendPushes(pushes: { userId: string; payload: PushPayload }[]): Promise<PushResult> {
  const userIds = [...new Set(pushes.map((push) => push.userId))];
  const keys = vapidKeys();
  if (userIds.length === 0 || !keys) return { sent: 0, removed: 0, failed: 0 };
  const subscriptions = await db.select().from(pushSubscriptions).where(inArray(pushSubscriptions.userId, userIds));
  if (subscriptions.length === 0) return { sent: 0, removed: 0, failed: 0 };
  const gone: string[] = [];
  const delivered: string[] = [];
  let failed = 0;

  await Promise.all(
    pushes.flatMap(({ userId, payload }) => {
      const body = JSON.stringify({ ...payload, title: clip(payload.title, 120), body: clip(payload.body, 400) });
      return subscriptions
        .filter((subscription) => subscription.userId === userId)
        .map(async (subscription) => {
          try {
            await webPush.sendNotification(
              { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
              body,
              {
                vapidDetails: { subject: env().VAPID_SUBJECT, publicKey: keys.publicKey, privateKey: keys.privateKey },
                TTL: 60 * 60,
                timeout: 10_000,
              },
            );
            delivered.push(subscription.id);
          } catch (error) {
            if (error instanceof WebPushError && (error.statusCode === 404 || error.statusCode === 410)) {
              gone.push(subscription.id);
            } else {
              failed++;
              console.error(`[push] delivery failed: ${error instanceof Error ? error.message : String(error)}`);
            }
          }
        });
    }),
  );

  if (gone.length > 0) await db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, [...new Set(gone)]));
  if (delivered.length > 0)
    await db
      .update(pushSubscriptions)
      .set({ lastUsedAt: new Date() })
      .where(inArray(pushSubscriptions.id, [...new Set(delivered)]));
  return { sent: delivered.length, removed: new Set(gone).size, failed };
}
