import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Every same-origin link on the page, without fragments; a fragment must name an element on the page. */
async function linksOn(page: Page): Promise<string[]> {
  const origin = new URL(page.url()).origin;
  const hrefs = await page.locator("a[href]").evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  const paths = new Set<string>();
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== origin) continue;
    if (url.hash) await expect(page.locator(url.hash), `${href} points at an element`).toHaveCount(1);
    paths.add(url.pathname + url.search);
  }
  return [...paths];
}

/** Opens each path with the page's cookies, following redirects: none may end in a 404 or an error. */
async function expectAllReachable(page: Page, paths: string[]) {
  for (const path of paths) {
    const response = await page.request.get(path);
    expect(response.status(), `${path} answers`).toBeLessThan(400);
  }
}

test.describe("landing page", () => {
  test("tells a visitor what MusBook is and leads to sign-up", async ({ page }, testInfo) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/MusBook/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Your teaching week");
    await expect(page.getByRole("heading", { name: "For teachers" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "For students" })).toBeVisible();
    await expect(page.getByRole("link", { name: "I teach music" })).toHaveAttribute("href", "/sign-up?role=teacher");
    await expect(page.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/sign-in");
    await page.screenshot({ path: testInfo.outputPath("landing.png"), fullPage: true });
  });

  test("switches to dark theme and remembers it", async ({ page }) => {
    await page.goto("/");
    const html = page.locator("html");
    await expect(html).not.toHaveClass(/dark/);
    await page.getByRole("radio", { name: "Use dark theme" }).click();
    await expect(html).toHaveClass(/dark/);
    await page.reload();
    await expect(html).toHaveClass(/dark/);
    await expect(page.getByRole("radio", { name: "Use dark theme" })).toHaveAttribute("aria-checked", "true");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
  });

  test("serves a healthy API with a migrated database", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  test("every link on the landing page leads to a page", async ({ page }) => {
    await page.goto("/");
    const links = await linksOn(page);
    expect(links).toEqual(expect.arrayContaining(["/sign-in", "/sign-up"]));
    await expectAllReachable(page, links);
  });

  for (const role of ["teacher", "student"] as const) {
    test(`every link in a ${role}'s navigation and notifications leads to a page`, async ({ connectedPair, signedIn }) => {
      const pair = await connectedPair();
      const page = await signedIn(pair[role]);
      const links = await linksOn(page);
      expect(links).toEqual(expect.arrayContaining(["/dashboard", "/calendar", "/lessons", "/settings"]));
      const feed = await page.request.get("/api/notifications?limit=50");
      const notificationLinks = ((await feed.json()) as { items: { link: string | null }[] }).items.flatMap((item) =>
        item.link ? [item.link] : [],
      );
      expect(notificationLinks.length).toBeGreaterThan(0);
      await expectAllReachable(page, [...links, "/notifications", ...new Set(notificationLinks)]);
    });
  }
});

test("the first Tab offers a skip past the navigation, on the landing page and in the app", async ({ page, createAccount, signedIn }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  const teacher = await signedIn(await createAccount({ role: "teacher" }));
  await teacher.goto("/lessons");
  await teacher.keyboard.press("Tab");
  await expect(teacher.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await teacher.keyboard.press("Enter");
  await expect(teacher.locator("main#main")).toBeFocused();
});
