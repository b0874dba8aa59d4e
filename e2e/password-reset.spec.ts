import { expect, test } from "./fixtures";
import { linkIn, uniqueEmail } from "./mail";
import { signIn } from "./session";

const NEW_PASSWORD = "cello after supper";

test.describe("resetting a forgotten password", () => {
  test("by an emailed link: the new password works, the link dies and other sessions end", async ({
    page,
    createAccount,
    signedIn,
    outbox,
  }, testInfo) => {
    const account = await createAccount({ role: "student", name: "Wilma Neruda" });
    const { email } = account;
    const inbox = await outbox.inbox(email);

    // A second device, signed in before the reset.
    const otherPage = await signedIn(account);

    await page.goto("/sign-in");
    await page.screenshot({ path: testInfo.outputPath("sign-in.png"), fullPage: true });
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("forgot-password.png"), fullPage: true });
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByRole("status")).toContainText(`If an account exists for ${email}, we've sent a link`);
    await page.screenshot({ path: testInfo.outputPath("forgot-password-sent.png"), fullPage: true });

    const resetLink = linkIn(await inbox.next("Reset your MusBook password"), "/reset-password?token=");
    await page.goto(resetLink);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
    await page.getByLabel("New password").fill(NEW_PASSWORD);
    await expect(page.getByText("8 to 128 characters (done)")).toBeAttached();
    await page.screenshot({ path: testInfo.outputPath("reset-password.png"), fullPage: true });
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText("Your password has been changed. Sign in with your new password.")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("reset-password-done.png"), fullPage: true });

    // Not signed in by the reset: the new password goes through the sign-in form.
    await page.getByRole("link", { name: "Sign in" }).click();
    await signIn(page, email, NEW_PASSWORD);
    await inbox.next("Your MusBook password was changed");

    // The link was single use.
    await page.goto(resetLink);
    await expect(page.getByRole("heading", { name: /expired or already been used/ })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("reset-link-expired.png"), fullPage: true });
    await expect(page.getByRole("link", { name: "Request a new link" })).toHaveAttribute("href", "/forgot-password");

    // The device signed in before the reset is signed out at its next navigation.
    await otherPage.goto("/dashboard");
    await expect(otherPage).toHaveURL(/\/sign-in/);
  });

  test("answers an unknown email exactly like a known one", async ({ page }) => {
    const email = uniqueEmail("nobody");
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByRole("status")).toContainText(`If an account exists for ${email}, we've sent a link`);
  });

  test("after 10 failed sign-ins an account is limited, and a reset can still be asked for", async ({ page }) => {
    const email = uniqueEmail("locked");
    await page.goto("/sign-in");
    const signInButton = page.getByRole("button", { name: "Sign in", exact: true });
    for (let attempt = 1; attempt <= 11; attempt++) {
      await expect(signInButton).toBeVisible(); // not "Signing in…": the previous attempt has been answered
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`wrong guess ${attempt}`);
      await signInButton.click();
      const expected = attempt <= 10 ? "don't match an account" : "Too many sign-in attempts. Try again in 15 minutes.";
      await expect(page.getByRole("alert").filter({ hasText: expected })).toBeVisible();
    }
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByRole("status")).toContainText(`If an account exists for ${email}`);
  });

  test("a malformed link shows the way to a new one", async ({ page }) => {
    await page.goto("/reset-password?token=not-a-real-token");
    await expect(page.getByRole("heading", { name: /expired or already been used/ })).toBeVisible();
    await page.getByRole("link", { name: "Request a new link" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
  });
});
