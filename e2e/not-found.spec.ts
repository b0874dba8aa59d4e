import { expect, test } from "./fixtures";

test("a missing page says so and leads home, outside and inside the signed-in app", async ({
  page,
  pageErrors,
  createAccount,
  signedIn,
}) => {
  pageErrors.allow(/status of 404 \(Not Found\)/, "these pages are 404s on purpose");
  const response = await page.goto("/no-such-page");
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to MusBook" }).click();
  await expect(page).toHaveURL(/\/$/);

  const teacher = await signedIn(await createAccount({ role: "teacher" }));
  const missing = await teacher.goto("/lessons/00000000-0000-4000-8000-000000000000");
  expect(missing!.status()).toBe(404);
  const main = teacher.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  // Inside the shell (its logo links home on every size), and the way back is the dashboard.
  await expect(teacher.getByRole("link", { name: "MusBook" }).first()).toHaveAttribute("href", "/dashboard");
  await main.getByRole("link", { name: "Back to your dashboard" }).click();
  await expect(teacher).toHaveURL(/\/dashboard$/);
});
