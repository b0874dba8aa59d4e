import { expect, test } from "./fixtures";

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
});
