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

/** Reads the 6-digit code from the newest code email to `address` (it is in the subject line). */
export async function latestCode(page: Page, address: string, subject = /is your MusBook (sign-in|confirmation) code/): Promise<string> {
  await openLatestEmail(page, address, subject);
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  const code = /\b(\d{6})\b/.exec(heading ?? "")?.[1];
  expect(code, `a code in "${heading}"`).toBeDefined();
  return code!;
}
