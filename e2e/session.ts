import { expect, type Page } from "@playwright/test";

/** Signs in through the form and waits for the dashboard (or `landing`). */
export async function signIn(page: Page, email: string, password: string, landing: RegExp = /\/dashboard$/) {
  if (!page.url().includes("/sign-in")) await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(landing);
}

/** Signs out from the app shell, opening the phone menu first where there is one. */
export async function signOut(page: Page) {
  const menu = page.getByRole("button", { name: "Open menu" });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}
