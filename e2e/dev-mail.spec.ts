import { expect, test } from "./fixtures";

test("the development outbox shows one address's mail when asked, and all mail again", async ({ page, createAccount, outbox }) => {
  const first = await createAccount({ role: "student", confirmed: false });
  const second = await createAccount({ role: "teacher", confirmed: false });
  // Both confirmation emails are in the outbox before the page is read.
  await (await outbox.inbox(first.email, { fromFirst: true })).next("Confirm your email address");
  await (await outbox.inbox(second.email, { fromFirst: true })).next("Confirm your email address");

  await page.goto("/dev/mail");
  const emails = page.getByRole("list").getByRole("link");
  await page.getByLabel("To").fill(first.email);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(`/dev/mail?to=${encodeURIComponent(first.email)}`);
  await expect(emails).toHaveCount(1);
  await expect(emails).toContainText(`Confirm your email addressto ${first.email}`);

  await page.getByRole("link", { name: "Show all" }).click();
  await expect(page).toHaveURL(/\/dev\/mail$/);
  await expect(page.getByLabel("To")).toHaveValue("");
  await expect(emails.filter({ hasText: `to ${second.email}` })).toHaveCount(1);
  await expect(emails.filter({ hasText: `to ${first.email}` })).toHaveCount(1);

  await page.getByLabel("To").fill("nobody-at-all@example.com");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("No emails to nobody-at-all@example.com yet.")).toBeVisible();
});
