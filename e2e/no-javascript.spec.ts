import { expect, test } from "./fixtures";
import { openLatestEmail, uniqueEmail } from "./mail";
import { signIn } from "./session";

const PASSWORD = "fugue before lunch";

test.describe("forms before JavaScript has loaded", () => {
  test("a teacher signs in and sends an invitation with JavaScript off", async ({ browser, page }) => {
    test.setTimeout(60_000);
    // The account is made with JavaScript on (the sign-up form reads the browser's zone); everything after is posted plainly.
    const email = uniqueEmail("nojs-teacher");
    await page.goto("/sign-up?role=teacher");
    await page.getByLabel("Full name").fill("Clara Schumann");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    const links = await openLatestEmail(page, email, "Confirm your email address");
    await page.goto(links.find((link) => link.includes("/verify-email?token="))!);
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(page.getByText("Your email address is confirmed.")).toBeVisible();

    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": "10.250.1.2" } });
    const plain = await context.newPage();
    await plain.goto("/sign-in");
    await signIn(plain, email, PASSWORD);

    await plain.goto("/students");
    const student = uniqueEmail("nojs-student");
    await plain.getByLabel("Student's email").fill(student);
    await plain.getByRole("button", { name: "Send invitation" }).click();
    await expect(plain.getByText(`Invitation sent to ${student}.`)).toBeVisible();
    await expect(plain.getByRole("region", { name: "Pending invitations" }).getByText(student)).toBeVisible();
    await context.close();
  });
});
