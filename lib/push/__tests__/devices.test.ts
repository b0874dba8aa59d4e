import { createECDH, randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { pushSubscriptions } from "@/db/schema";
import { SESSION_ENDED } from "@/lib/actions";
import { deviceLabel, listDevices, MAX_DEVICES_PER_USER, removeDevice, sendTestPush, subscribeDevice } from "@/lib/push/devices";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

setupTestDatabase();

const CHROME_ANDROID =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
const SAFARI_HOME_SCREEN = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0";

const fcmEndpoint = () => `https://fcm.googleapis.com/fcm/send/${randomUUID()}`;

function browserKeys() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") };
}

/** What the settings page sends: `PushSubscription.toJSON()` and the user agent. */
const subscription = (endpoint = fcmEndpoint(), userAgent = CHROME_ANDROID) => ({
  endpoint,
  expirationTime: null,
  keys: browserKeys(),
  userAgent,
});

const storedFor = (userId: string) => db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);

describe("deviceLabel", () => {
  it.each([
    [CHROME_ANDROID, "Chrome on Android"],
    [SAFARI_HOME_SCREEN, "Safari on iPhone"],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      "Safari on iPhone",
    ],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1",
      "Chrome on iPhone",
    ],
    [FIREFOX_WINDOWS, "Firefox on Windows"],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
      "Edge on Windows",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0",
      "Opera on Windows",
    ],
    [
      "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
      "Samsung Internet on Android",
    ],
    ["Mozilla/5.0 (Android 14; Mobile; rv:127.0) Gecko/127.0 Firefox/127.0", "Firefox on Android"],
    [
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      "Safari on Mac",
    ],
    [
      "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
      "Chrome on ChromeOS",
    ],
    ["Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0", "Firefox on Linux"],
    ["Mozilla/5.0 (X11; Linux x86_64)", "Browser on Linux"],
    ["curl/8.5.0", "Browser"],
    ["", "Browser"],
    [null, "Browser"],
  ])("%s → %s", (userAgent, label) => {
    expect(deviceLabel(userAgent)).toBe(label);
  });
});

describe("subscribeDevice", () => {
  it("stores the browser's subscription for the user and answers with its id", async () => {
    const user = await createUser();
    const input = subscription();
    const result = await subscribeDevice(user, input);
    expect(result).toEqual({ ok: true, message: "Notifications are on for this device.", data: { deviceId: expect.any(String) } });
    const [stored] = await storedFor(user.id);
    expect(stored).toMatchObject({
      id: result.ok ? result.data.deviceId : "",
      endpoint: input.endpoint,
      p256dh: input.keys.p256dh,
      auth: input.keys.auth,
      userAgent: CHROME_ANDROID,
      lastUsedAt: null,
    });
  });

  it("accepts a subscription without a user agent", async () => {
    const user = await createUser();
    const { userAgent: _omitted, ...withoutAgent } = subscription();
    expect((await subscribeDevice(user, withoutAgent)).ok).toBe(true);
    expect((await listDevices(user))[0]?.label).toBe("Browser");
  });

  const valid = subscription();
  it.each([
    ["an http:// endpoint", { ...valid, endpoint: "http://fcm.googleapis.com/fcm/send/abc" }, "endpoint", /https:\/\//],
    ["a javascript: endpoint", { ...valid, endpoint: "javascript:alert(1)" }, "endpoint", /https:\/\//],
    ["text that is no address", { ...valid, endpoint: "not a url" }, "endpoint", /https:\/\//],
    ["a too long endpoint", { ...valid, endpoint: `https://fcm.googleapis.com/fcm/send/${"a".repeat(2048)}` }, "endpoint", /2048/],
    ["a host that is no push service", { ...valid, endpoint: "https://127.0.0.1/push" }, "endpoint", /not supported/],
    ["a look-alike host", { ...valid, endpoint: "https://fcm.googleapis.com.attacker.example/x" }, "endpoint", /not supported/],
    ["no endpoint", { keys: valid.keys }, "endpoint", /no push service address/],
    ["no keys", { endpoint: valid.endpoint }, "keys", /no encryption keys/],
    ["keys that are not base64url", { ...valid, keys: { p256dh: "a+b/c", auth: valid.keys.auth } }, "keys", /base64url/],
    ["a too long secret", { ...valid, keys: { ...valid.keys, auth: "a".repeat(101) } }, "keys", /at most 100/],
    ["a too long user agent", { ...valid, userAgent: "a".repeat(401) }, "userAgent", /at most 400/],
    ["a field it does not take", { ...valid, userId: randomUUID() }, "form", /does not accept/],
  ])("refuses %s with a clear answer and stores nothing", async (_case, input, field, message) => {
    const user = await createUser();
    const result = await subscribeDevice(user, input);
    expect(result).toMatchObject({ ok: false, code: "invalid", error: expect.stringMatching(/could not be saved/) });
    expect(result.ok ? undefined : result.fieldErrors?.[field]).toMatch(message);
    expect(await storedFor(user.id)).toEqual([]);
  });

  it("moves an endpoint subscribed by someone else to the new user, with fresh keys and dates", async () => {
    const [previous, next] = [await createUser(), await createUser()];
    const shared = subscription(fcmEndpoint(), FIREFOX_WINDOWS);
    const first = await subscribeDevice(previous, shared);
    await db
      .update(pushSubscriptions)
      .set({ createdAt: daysAgo(30), lastUsedAt: daysAgo(1) })
      .where(eq(pushSubscriptions.endpoint, shared.endpoint));

    const again = { ...shared, keys: browserKeys() };
    const moved = await subscribeDevice(next, again);

    expect(moved.ok && first.ok && moved.data.deviceId === first.data.deviceId).toBe(true);
    expect(await storedFor(previous.id)).toEqual([]);
    const [row] = await storedFor(next.id);
    expect(row).toMatchObject({ endpoint: shared.endpoint, p256dh: again.keys.p256dh, auth: again.keys.auth, lastUsedAt: null });
    expect(row!.createdAt.getTime()).toBeGreaterThan(daysAgo(1).getTime());
  });

  it("keeps one row when the same user subscribes the same endpoint again", async () => {
    const user = await createUser();
    const input = subscription();
    await subscribeDevice(user, input);
    await db
      .update(pushSubscriptions)
      .set({ createdAt: daysAgo(30) })
      .where(eq(pushSubscriptions.endpoint, input.endpoint));
    await subscribeDevice(user, { ...input, userAgent: FIREFOX_WINDOWS });
    const rows = await storedFor(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.userAgent).toBe(FIREFOX_WINDOWS);
    expect(rows[0]!.createdAt.getTime(), "the date it was first added").toBeLessThan(daysAgo(29).getTime());
  });

  it(`keeps at most ${MAX_DEVICES_PER_USER} devices, removing the one used least recently`, async () => {
    const user = await createUser();
    // Added long ago but used yesterday: newer in use than the ones merely added since.
    const [oldButUsed, ...others] = Array.from({ length: MAX_DEVICES_PER_USER }, (_, index) => ({
      userId: user.id,
      endpoint: fcmEndpoint(),
      ...browserKeys(),
      userAgent: FIREFOX_WINDOWS,
      createdAt: daysAgo(100 - index),
    }));
    await db.insert(pushSubscriptions).values([{ ...oldButUsed!, lastUsedAt: daysAgo(1) }, ...others]);
    const leastRecentlyUsed = others[0]!;

    const result = await subscribeDevice(user, subscription());

    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("(Firefox on Windows) no longer gets them") });
    const endpoints = (await storedFor(user.id)).map((row) => row.endpoint);
    expect(endpoints).toHaveLength(MAX_DEVICES_PER_USER);
    expect(endpoints).toContain(oldButUsed!.endpoint);
    expect(endpoints).not.toContain(leastRecentlyUsed.endpoint);
  });

  it("answers that the session ended for an account that no longer exists", async () => {
    expect(await subscribeDevice({ id: randomUUID() }, subscription())).toEqual(SESSION_ENDED);
  });
});

describe("listDevices", () => {
  it("lists only the user's own devices, newest first, each with a label", async () => {
    const [user, someoneElse] = [await createUser(), await createUser()];
    const phone = { userId: user.id, endpoint: fcmEndpoint(), ...browserKeys(), userAgent: CHROME_ANDROID, createdAt: daysAgo(3) };
    const laptop = { userId: user.id, endpoint: fcmEndpoint(), ...browserKeys(), userAgent: FIREFOX_WINDOWS, createdAt: daysAgo(1) };
    const iphone = { userId: user.id, endpoint: fcmEndpoint(), ...browserKeys(), userAgent: SAFARI_HOME_SCREEN, createdAt: daysAgo(2) };
    await db.insert(pushSubscriptions).values([phone, laptop, iphone]);
    await subscribeDevice(someoneElse, subscription());

    expect(await listDevices(user)).toEqual([
      { id: expect.any(String), label: "Firefox on Windows", endpoint: laptop.endpoint, createdAt: laptop.createdAt, lastUsedAt: null },
      { id: expect.any(String), label: "Safari on iPhone", endpoint: iphone.endpoint, createdAt: iphone.createdAt, lastUsedAt: null },
      { id: expect.any(String), label: "Chrome on Android", endpoint: phone.endpoint, createdAt: phone.createdAt, lastUsedAt: null },
    ]);
  });

  it("is empty for a user without devices", async () => {
    expect(await listDevices(await createUser())).toEqual([]);
  });
});

describe("removeDevice", () => {
  it("removes the user's own device", async () => {
    const user = await createUser();
    const added = await subscribeDevice(user, subscription());
    const deviceId = added.ok ? added.data.deviceId : "";
    expect(await removeDevice(user, { deviceId })).toEqual({ ok: true, message: "That device will no longer get notifications." });
    expect(await storedFor(user.id)).toEqual([]);
  });

  it("answers not found for someone else's device, and leaves it alone", async () => {
    const [owner, intruder] = [await createUser(), await createUser()];
    const added = await subscribeDevice(owner, subscription());
    const deviceId = added.ok ? added.data.deviceId : "";
    const unknown = await removeDevice(intruder, { deviceId: randomUUID() });
    const theirs = await removeDevice(intruder, { deviceId });
    expect(theirs).toEqual(unknown);
    expect(theirs).toMatchObject({ ok: false, code: "not-found", error: expect.stringMatching(/couldn't find that device/) });
    expect((await storedFor(owner.id)).map((row) => row.id)).toEqual([deviceId]);
  });

  it("refuses an id that is not one, and anything but the id", async () => {
    const user = await createUser();
    expect(await removeDevice(user, { deviceId: "1; drop table push_subscriptions" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { deviceId: "We couldn't find that device." },
    });
    expect(await removeDevice(user, { deviceId: randomUUID(), userId: user.id })).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("sendTestPush", () => {
  it("says how to turn notifications on when no device has them", async () => {
    expect(await sendTestPush(await createUser())).toEqual({
      ok: false,
      error: "No device has notifications turned on yet. Choose “Notify me on this device” first.",
    });
  });
});
