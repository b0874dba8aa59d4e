import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, signOut } from "./session";

/** Waits until the production build's worker controls the page and has the offline page cached. */
async function workerReady(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return Boolean(registration?.active && navigator.serviceWorker.controller && (await caches.match("/offline")));
        }),
      { timeout: 30_000 },
    )
    .toBe(true);
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
});
