import { test as base, expect, type Account } from "./fixtures";
import { linkIn, uniqueEmail } from "./mail";
import { signIn } from "./session";

/** Each test signs in as a fresh teacher of its own: settings change the account they act on. */
const test = base.extend<{ account: Account }>({
  account: [
    async ({ createAccount, page }, provide) => {
      const account = await createAccount({ role: "teacher", name: "Fanny Mendelssohn" });
      await signIn(page, account.email, account.password);
      await provide(account);
    },
    { auto: true },
  ],
});

test.describe("account settings", () => {
  test("a pasted megabyte in the bio is refused before sending, with the form as it was", async ({ page }) => {
    await page.goto("/settings/profile");
    const pasted = "Scales in thirds. ".repeat(60_000); // about 1.08 MB
    const bio = page.getByLabel(/^About you/);
    await bio.fill(pasted);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("This is too long to send (over 1 MB)")).toBeVisible();
    await expect(page).toHaveURL(/\/settings\/profile$/);
    expect(await bio.inputValue()).toBe(pasted);
    // Shortened, it saves.
    await bio.fill("Scales in thirds.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText("Your profile is saved.")).toBeVisible();
  });

  test("edits the profile; the dashboard then shows times in the new zone", async ({ page }, testInfo) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/settings\/profile$/);
    await expect(page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Profile" })).toHaveAttribute(
      "aria-current",
      "page",
    );

    await page.getByLabel("Full name").fill("Fanny Hensel");
    await page.getByLabel(/^Phone/).fill("call me");
    await page.getByLabel("Timezone").fill("Asia/Tokyo");
    const bio = 'Composer and pianist. <img src=x onerror="alert(1)"> <script>alert(2)</script>';
    await page.getByLabel(/^About you/).fill(bio);
    await expect(page.getByText(`${[...bio].length} / 2000`)).toBeVisible();
    const instruments = page.getByLabel(/^Instruments/);
    await instruments.fill("Piano");
    await instruments.press("Enter");
    await instruments.fill("Organ,");
    await instruments.fill("Voice");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.locator("#phone-error")).toContainText("6 to 20 digits");
    await expect(page.getByLabel("Full name")).toHaveValue("Fanny Hensel"); // what was typed survives the error

    await page.getByLabel(/^Phone/).fill("+49 (30) 555-0123");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your profile is saved." })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Timezone")).toHaveValue("Asia/Tokyo");
    await expect(page.getByLabel(/^About you/)).toHaveValue(bio);
    for (const name of ["Piano", "Organ", "Voice"]) {
      await expect(page.getByRole("list", { name: "Your instruments" }).getByText(name, { exact: true })).toBeVisible();
    }
    await page.screenshot({ path: testInfo.outputPath("settings-profile.png"), fullPage: true });

    await page.goto("/dashboard");
    await expect(page.getByText("times in Tokyo (GMT+9)")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Fanny");
    expect(dialogs).toEqual([]);
  });

  test("a password change keeps this browser signed in and signs the other one out", async ({ page, account, signedIn }, testInfo) => {
    const otherPage = await signedIn(account);

    await page.goto("/settings/security");
    await page.screenshot({ path: testInfo.outputPath("settings-security.png"), fullPage: true });
    const section = page.getByRole("region", { name: "Password" });
    await section.getByLabel("Current password").fill("not my password");
    await section.getByLabel("New password").fill("nocturne for two hands");
    await section.getByRole("button", { name: "Change password" }).click();
    await expect(section.locator("#password-current-password-error")).toContainText("not correct");

    await section.getByLabel("Current password").fill(account.password);
    await section.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/settings\/security\?notice=password-changed$/);
    await expect(page.getByRole("status").filter({ hasText: "Your password was changed" })).toBeVisible();
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/dashboard$/);

    await otherPage.goto("/dashboard");
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await signIn(otherPage, account.email, "nocturne for two hands");
  });

  test("an email change takes effect once confirmed from the new address", async ({ page, account, outbox }, testInfo) => {
    const oldEmail = account.email;
    const newEmail = uniqueEmail("new-address");
    const [oldInbox, newInbox] = await Promise.all([outbox.inbox(oldEmail), outbox.inbox(newEmail)]);
    await page.goto("/settings/security");
    const section = page.getByRole("region", { name: "Email address" });
    await section.getByLabel("New email address").fill(newEmail);
    await section.getByLabel("Current password").fill(account.password);
    await section.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(section.getByRole("status").filter({ hasText: "We sent a confirmation link" })).toContainText(newEmail);
    await expect(section.getByText(`Waiting for you to confirm ${newEmail}`)).toBeVisible();
    await expect(section.getByText(oldEmail, { exact: true })).toBeVisible(); // unchanged until confirmed
    await page.screenshot({ path: testInfo.outputPath("settings-email-pending.png"), fullPage: true });

    await oldInbox.next("Your MusBook email address is changing");
    await page.goto(linkIn(await newInbox.next("Confirm your new email address"), "/verify-email?token="));
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page.getByText("Your email address is confirmed.")).toBeVisible();

    await page.goto("/settings/security");
    await expect(section.getByText(newEmail, { exact: true })).toBeVisible();
    await expect(section.getByText("Confirmed", { exact: true })).toBeVisible();
  });

  test("sign out everywhere asks first, then ends this session too", async ({ page }) => {
    await page.goto("/settings/security");
    const section = page.getByRole("region", { name: "Sign out everywhere" });
    await section.getByRole("button", { name: "Sign out everywhere…" }).click();
    await section.getByRole("button", { name: "Cancel" }).click();
    await section.getByRole("button", { name: "Sign out everywhere…" }).click();
    await section.getByRole("button", { name: "Yes, sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/sign-in\?notice=signed-out-everywhere$/);
    await expect(page.getByText("You have been signed out on every device.")).toBeVisible();
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("deleting the account needs the password, then lands on the home page", async ({ page, account }, testInfo) => {
    await page.goto("/settings/security");
    const section = page.getByRole("region", { name: "Delete account" });
    await expect(section).toContainText("every connection you are part of");
    const deleteButton = section.getByRole("button", { name: "Delete my account" });
    await expect(deleteButton).toBeDisabled();
    await section.getByLabel("Your password").fill("wrong password");
    await section.getByRole("checkbox").check();
    await section.screenshot({ path: testInfo.outputPath("settings-delete.png") });
    await deleteButton.click();
    await expect(section.locator("#delete-current-password-error")).toContainText("not correct");

    await section.getByLabel("Your password").fill(account.password);
    await deleteButton.click();
    await expect(page).toHaveURL(/\/\?notice=account-deleted$/);
    await expect(page.getByRole("status").filter({ hasText: "Your account has been deleted" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("account-deleted.png") });

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "don't match" })).toBeVisible();
  });
});
