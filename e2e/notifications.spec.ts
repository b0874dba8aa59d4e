import { expect, test } from "./fixtures";
import { linkIn } from "./mail";
import { signIn } from "./session";

test.describe("notification centre", () => {
  test("a new notification appears in the bell without a reload, and reading it clears the count", async ({
    page,
    createAccount,
    newPage,
    outbox,
  }, testInfo) => {
    const { email, password } = await createAccount({ role: "student", name: "Clara Schumann", confirmed: false });
    const inbox = await outbox.inbox(email, { fromFirst: true });
    await signIn(page, email, password);

    const bell = page.getByRole("button", { name: /^Notifications/ });
    await expect(bell).toHaveAccessibleName("Notifications");
    await bell.click();
    const panel = page.getByRole("region", { name: "Recent notifications" });
    await expect(panel.getByText("You’re all caught up")).toBeVisible();
    await bell.click();

    // The email is confirmed from another browser (say, the phone's mail app): the notification arrives live.
    const mailPage = await newPage();
    await mailPage.goto(linkIn(await inbox.next("Confirm your email address"), "/verify-email?token="));
    await mailPage.getByRole("button", { name: "Confirm my email address" }).click();
    await expect(mailPage.getByText("Your email address is confirmed.")).toBeVisible();

    await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
    await bell.click();
    await expect(panel.getByRole("button", { name: /Email address confirmed/ })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("bell-open.png") });
    await panel.getByRole("button", { name: "Mark all as read" }).click();
    await expect(bell).toHaveAccessibleName("Notifications");
    await expect(page.getByTestId("unread-count")).toHaveCount(0);

    // Read state is stored: a reload keeps the count at zero, and the centre lists it as read.
    await page.reload();
    await expect(page.getByRole("button", { name: /^Notifications/ })).toHaveAccessibleName("Notifications");
    await page.goto("/notifications");
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    await expect(page.getByRole("list", { name: "Notifications" }).getByText("Email address confirmed")).toBeVisible();
    await page.getByRole("link", { name: "Unread" }).click();
    await expect(page).toHaveURL(/status=unread/);
    await expect(page.getByText("Nothing matches these filters")).toBeVisible();
    await page.getByRole("link", { name: "All", exact: true }).click();
    await expect(page).toHaveURL(/\/notifications$/);
    await page.getByRole("navigation", { name: "Filter notifications" }).getByRole("link", { name: "Lessons" }).click();
    await expect(page).toHaveURL(/category=lessons$/);
    await expect(page.getByText("Nothing matches these filters")).toBeVisible();
    await page.getByRole("link", { name: "Account" }).click();
    await expect(page).toHaveURL(/category=account/);
    await expect(page.getByRole("list", { name: "Notifications" }).getByText("Email address confirmed")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("notifications-page.png"), fullPage: true });
  });
});
