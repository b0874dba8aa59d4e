import { expect, submitSignUp, test } from "./fixtures";
import { linkIn, uniqueEmail } from "./mail";
import { signIn } from "./session";

test.describe("signing up", () => {
  test("a new teacher signs up, signs in, and confirms the email from the outbox", async ({ page, outbox }, testInfo) => {
    const email = uniqueEmail("teacher");
    const inbox = await outbox.inbox(email);
    await page.goto("/");
    await page.getByRole("link", { name: "I teach music" }).click();
    await expect(page).toHaveURL(/\/sign-up\?role=teacher/);
    await expect(page.getByRole("radio", { name: /Teacher/ })).toBeChecked();
    await expect(page.getByLabel("Timezone")).toHaveValue("Europe/London"); // the browser's zone

    await page.getByLabel("Full name").fill("Nadia Boulanger");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("password1");
    await expect(page.getByText("8 to 128 characters (done)")).toBeAttached();
    await page.screenshot({ path: testInfo.outputPath("sign-up.png"), fullPage: true });
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("#password-error")).toContainText("too common or easy to guess");

    await page.getByLabel("Password").fill("counterpoint at dawn");
    await page.getByLabel("Timezone").fill("Europe/Paris");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();

    await page.getByRole("link", { name: "Continue to sign in" }).click();
    await signIn(page, email, "counterpoint at dawn");
    await expect(page.getByText(/times in Paris \(GMT\+[12]\)/)).toBeVisible();
    const banner = page.getByRole("region", { name: "Confirm your email" });
    await expect(banner).toContainText(email);
    await expect(page.getByText("No lessons in the next two weeks")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("new-teacher-dashboard.png"), fullPage: true });

    const confirm = linkIn(await inbox.next("Confirm your email address"), "/verify-email?token=");
    await page.goto(confirm);
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page.getByText("Your email address is confirmed.")).toBeVisible();
    await page.getByRole("link", { name: "Go to MusBook" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("region", { name: "Confirm your email" })).toHaveCount(0);

    // The link was single use.
    await page.goto(confirm);
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "expired" })).toBeVisible();
  });

  test("a student can ask for a new confirmation link from the banner", async ({ page, createAccount, outbox }) => {
    const { email, password } = await createAccount({ role: "student", confirmed: false });
    const inbox = await outbox.inbox(email);
    await signIn(page, email, password);
    await page.getByRole("button", { name: "Send a new link" }).click();
    await expect(page.getByRole("region", { name: "Confirm your email" })).toContainText(`We sent a new link to ${email}`);
    await inbox.next("Confirm your email address");
  });

  test("answers an existing email exactly like a new one", async ({ page, createAccount, outbox }) => {
    const existing = await createAccount({ role: "teacher" });
    const inbox = await outbox.inbox(existing.email);
    await page.goto("/sign-up?role=student");
    await submitSignUp(page, {
      name: "Someone Else",
      email: existing.email,
      password: "a completely fresh passphrase",
      timezone: "Europe/London",
    });
    await inbox.next("You already have a MusBook account");
  });
});
