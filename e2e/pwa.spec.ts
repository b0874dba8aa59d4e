import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, signOut } from "./session";

/**
 * Waits until the production build's worker controls the page, with the offline page cached. It waits on the worker's
 * own events, bounded by the test's timeout rather than a shorter one: installing fetches the offline page and every
 * file it names from a server that, on a loaded machine, is serving other tests' pages at the same time (60 s was
 * once not enough while two whole test runs shared two cores).
 */
async function workerReady(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  // Installing puts the offline page in the cache last, before the worker can activate.
  expect(await page.evaluate(async () => Boolean(await caches.match("/offline")))).toBe(true);
}

/** Every cached entry: its URL and body text. */
async function cacheContents(page: Page) {
  return page.evaluate(async () => {
    const entries: { url: string; body: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        entries.push({ url: new URL(request.url).pathname, body: response ? await response.text() : "" });
      }
    }
    return entries;
  });
}

test.describe("installable app", () => {
  test("the manifest parses, the page is installable and the worker registers in the production build", async ({
    playwright,
    request,
  }, testInfo) => {
    const manifest = (await (await request.get("/manifest.webmanifest")).json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: "MusBook", short_name: "MusBook", start_url: "/dashboard", display: "standalone" });
    const icons = manifest.icons as { src: string; sizes: string; purpose: string }[];
    for (const icon of icons) expect((await request.get(icon.src)).headers()["content-type"]).toBe("image/png");
    expect(icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(
      expect.arrayContaining(["192x192 any", "512x512 any", "192x192 maskable", "512x512 maskable"]),
    );

    // Test contexts are incognito, which Chromium never installs from: this check needs a profile of its own.
    const profile = await mkdtemp(path.join(tmpdir(), "musbook-profile-"));
    const context = await playwright.chromium.launchPersistentContext(profile, {
      ...testInfo.project.use.launchOptions,
      baseURL: testInfo.project.use.baseURL,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto("/");
      await workerReady(page);
      const scriptUrl = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL ?? "");
      expect(new URL(scriptUrl).pathname).toBe("/sw.js");
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: unknown[] };
      expect(installabilityErrors).toEqual([]);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });

  test("offline, a page shows the offline page; after signing out nothing of the user's is in Cache Storage (T30a)", async ({
    page,
    createAccount,
    pageErrors,
  }, testInfo) => {
    pageErrors.allow(/ERR_INTERNET_DISCONNECTED|Failed to fetch/, "the browser is offline on purpose while the offline page shows");
    const first = await createAccount({ role: "student", name: "Fanny Mendelssohn" });
    const second = await createAccount({ role: "student", name: "Nannerl Mozart" });

    await signIn(page, first.email, first.password);
    await workerReady(page);
    for (const path of ["/calendar", "/lessons", "/settings/profile"]) await page.goto(path);

    await page.context().setOffline(true);
    await page.goto("/lessons");
    await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
    await expect(page.getByText(first.name)).toHaveCount(0);
    await page.screenshot({ path: testInfo.outputPath("offline.png") });
    await page.context().setOffline(false);
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Lessons" })).toBeVisible();

    await signOut(page);
    await signIn(page, second.email, second.password);
    // Signing out emptied the caches; the next page fetched the offline page again, without cookies.
    await expect.poll(async () => (await cacheContents(page)).map((entry) => entry.url), { timeout: 30_000 }).toContain("/offline");
    const cached = await cacheContents(page);
    for (const entry of cached) {
      expect(entry.url, "only the offline page and static files are ever cached").toMatch(/^(\/offline|\/_next\/static\/.+|\/icons\/.+)$/);
      expect(entry.body).not.toContain(first.name);
      expect(entry.body).not.toContain(first.email);
    }
  });

  test("notifications on this device: subscribed from settings, listed and removable; a push shows a notification for its page", async ({
    page,
    createAccount,
  }) => {
    const account = await createAccount({ role: "student" });
    await page.context().grantPermissions(["notifications"]);
    // Chromium here cannot reach a real push service: the browser's side of subscribing is stood in for (a Chrome-style
    // endpoint and valid-looking keys); everything MusBook does with it, server included, is real.
    await page.addInitScript(() => {
      let current: PushSubscription | null = null;
      const endpoint = `https://fcm.googleapis.com/fcm/send/e2e-${crypto.randomUUID()}`;
      const subscription = {
        endpoint,
        expirationTime: null,
        options: { applicationServerKey: null, userVisibleOnly: true },
        toJSON: () => ({
          endpoint,
          expirationTime: null,
          keys: {
            p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
            auth: "tBHItJI5svbpez7KI4CCXg",
          },
        }),
        unsubscribe: async () => {
          current = null;
          return true;
        },
      } as unknown as PushSubscription;
      PushManager.prototype.subscribe = async () => (current = subscription);
      PushManager.prototype.getSubscription = async () => current;
    });
    await signIn(page, account.email, account.password);
    await page.goto("/settings/notifications");
    await workerReady(page);

    await page.getByRole("button", { name: "Notify me on this device" }).click();
    const devices = page.getByRole("list", { name: "Devices that get notifications" });
    await expect(devices.getByRole("listitem")).toHaveCount(1);
    await expect(devices.getByText("This device")).toBeVisible();
    await expect(page.getByText("This device gets notifications.")).toBeVisible();

    // A push message delivered to the worker, as the push service would: shown, and opening the page it names.
    const cdp = await page.context().newCDPSession(page);
    const registered = new Promise<string>((resolve) =>
      cdp.on(
        "ServiceWorker.workerRegistrationUpdated",
        ({ registrations }: { registrations: { registrationId: string; isDeleted: boolean }[] }) => {
          const live = registrations.find((registration) => !registration.isDeleted);
          if (live) resolve(live.registrationId);
        },
      ),
    );
    await cdp.send("ServiceWorker.enable");
    const origin = new URL(page.url()).origin;
    const registrationId = await registered;
    const deliverPush = () =>
      cdp.send("ServiceWorker.deliverPushMessage", {
        origin,
        registrationId,
        data: JSON.stringify({ title: "New message from Clara", body: "Bring the Grade 5 book", url: "/messages", tag: "e2e" }),
      });
    // DevTools hands a push to the browser and does not say whether the worker, started for it on a loaded machine,
    // ran it; a push service would deliver again, and so does each poll until it is shown. The tag keeps it one
    // notification.
    await expect
      .poll(
        async () => {
          const shown = await page.evaluate(async () =>
            (await (await navigator.serviceWorker.ready).getNotifications()).map((notification) => ({
              title: notification.title,
              body: notification.body,
              url: (notification.data as { url: string }).url,
            })),
          );
          if (shown.length === 0) await deliverPush();
          return shown;
        },
        { timeout: 180_000, intervals: [5_000] },
      )
      .toEqual([{ title: "New message from Clara", body: "Bring the Grade 5 book", url: `${origin}/messages` }]);

    await devices.getByRole("button", { name: /^Remove this device/ }).click();
    await expect(devices).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Notify me on this device" })).toBeVisible();
  });

  test("the install offer floats over the dashboard without moving it; declined in the browser's prompt, it stays away", async ({
    page,
    createAccount,
  }, testInfo) => {
    const account = await createAccount({ role: "student" });
    await signIn(page, account.email, account.password);
    await page.goto("/dashboard");
    const glance = page.getByRole("region", { name: "At a glance" });
    const before = await glance.boundingBox();
    // Chromium offers installation with `beforeinstallprompt`; here the offer and the user's answer are stood in for.
    const offerInstall = () =>
      page.evaluate(() => {
        const offer = Object.assign(new Event("beforeinstallprompt", { cancelable: true }), {
          prompt: async () => void document.documentElement.setAttribute("data-install-prompted", "yes"),
          userChoice: Promise.resolve({ outcome: "dismissed" }),
        });
        window.dispatchEvent(offer);
        return offer.defaultPrevented;
      });
    const card = page.getByRole("region", { name: "Install MusBook" });
    // The listener is attached once the page has hydrated: offer until it is taken.
    await expect.poll(offerInstall, { timeout: 30_000 }).toBe(true);
    await expect(card).toBeVisible();
    expect(await glance.boundingBox()).toEqual(before);
    await page.screenshot({ path: testInfo.outputPath("install-offer.png") });

    await card.getByRole("button", { name: "Install app" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-install-prompted", "yes");
    await expect(card).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => localStorage.getItem("musbook:install-dismissed"))).toBe("yes");

    await page.reload();
    await expect.poll(offerInstall, { timeout: 30_000 }).toBe(true);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await expect(card).toHaveCount(0);
  });
});
