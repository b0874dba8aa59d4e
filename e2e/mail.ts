import { expect, type Page } from "@playwright/test";

/** Opens the newest email to `address` in the embedded outbox (/dev/mail) and returns the links in it. */
export async function openLatestEmail(page: Page, address: string, subject: string | RegExp): Promise<string[]> {
  await expect(async () => {
    await page.goto("/dev/mail");
    await page.getByRole("link").filter({ hasText: `to ${address}` }).filter({ hasText: subject }).first().click({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  return page.getByRole("region", { name: "Links in this email" }).getByRole("link").evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
}

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
