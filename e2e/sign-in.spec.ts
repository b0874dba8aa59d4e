import { expect, test } from "./fixtures";
import { signIn } from "./session";

test.describe("signing in", () => {
  test("sends a signed-out visitor to sign-in and back to where they were going", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard$/);
    await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
  });

  test("refuses a wrong password with a clear message", async ({ page, createAccount }) => {
    const { email } = await createAccount({ role: "teacher", confirmed: false });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "don't match" })).toContainText("don't match an account");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("answers a malformed email with a field error", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("whatever");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  });

  test("shows a teacher their studio dashboard, and signs out", async ({ page, createAccount }, testInfo) => {
    const teacher = await createAccount({ role: "teacher", name: "Amelia Hart" });
    await page.goto("/sign-in?callbackUrl=%2Fdashboard");
    await signIn(page, teacher.email, teacher.password);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Amelia");
    await expect(page.getByText(/times in London \(GMT(\+1)?\)/)).toBeVisible();
    await expect(page.getByRole("region", { name: "At a glance" }).getByText("Students", { exact: true })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("dashboard-teacher.png"), fullPage: true });

    if (testInfo.project.name === "phone") {
      await page.getByRole("button", { name: "Open menu" }).click();
      const menu = page.getByRole("dialog", { name: "Menu" });
      await expect(menu.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
      await page.screenshot({ path: testInfo.outputPath("menu-phone.png") });
      await menu.getByRole("button", { name: "Sign out" }).click();
    } else {
      await page.getByRole("complementary").getByRole("button", { name: "Sign out" }).click();
    }
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("shows a student their dashboard in their own timezone", async ({ page, connectedPair }, testInfo) => {
    const { student } = await connectedPair({ student: { name: "Priya Natarajan", timezone: "Asia/Kolkata" } });
    await signIn(page, student.email, student.password);
    await expect(page.getByText("times in Kolkata (GMT+5:30)")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Priya");
    await expect(page.getByRole("region", { name: "At a glance" }).getByText("Teachers", { exact: true })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("dashboard-student.png"), fullPage: true });
  });
});
