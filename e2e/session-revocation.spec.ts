import { expect, test } from "./fixtures";
import { uniqueEmail } from "./mail";
import { signIn, signOut } from "./session";

const PASSWORD = "variations on a theme";
const NEW_PASSWORD = "a second set of variations";

/**
 * T14: a session cookie captured before a password change, and refreshed since (Auth.js rewrites the
 * cookie with a new `iat` on every session poll), is refused on every kind of path at its next request.
 */
test("a password change ends an old, refreshed session on pages, route handlers and realtime auth", async ({ page, browser }) => {
  const email = uniqueEmail("revoked");
  await page.goto("/sign-up?role=student");
  await page.getByLabel("Full name").fill("Lili Boulanger");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  // The "stolen" session: signed in elsewhere, then refreshed.
  const old = await browser.newContext({ baseURL: new URL(page.url()).origin });
  const oldPage = await old.newPage();
  await signIn(oldPage, email, PASSWORD);
  const cookieBefore = (await old.cookies()).find((cookie) => cookie.name.includes("session-token"))?.value;
  await oldPage.waitForTimeout(1_100); // a new second, so the refreshed token differs
  const refreshed = await old.request.get("/api/auth/session");
  expect((await refreshed.json()).user?.id).toBeTruthy();
  const cookieAfter = (await old.cookies()).find((cookie) => cookie.name.includes("session-token"))?.value;
  expect(cookieAfter).toBeTruthy();
  expect(cookieAfter).not.toBe(cookieBefore);
  expect((await old.request.get("/api/notifications")).status()).toBe(200);

  // The owner changes the password in their own browser.
  await signIn(page, email, PASSWORD);
  await page.goto("/settings/security");
  const section = page.getByRole("region", { name: "Password" });
  await section.getByLabel("Current password").fill(PASSWORD);
  await section.getByLabel("New password").fill(NEW_PASSWORD);
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/notice=password-changed/);

  // Every path refuses the old session at once.
  const api = await old.request.get("/api/notifications");
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual({ error: "Sign in first" });
  const realtime = await old.request.post("/api/realtime/auth", { form: { socket_id: "123.456", channel_name: "private-user-00000000-0000-4000-8000-000000000000" } });
  expect(realtime.status()).toBe(401);
  expect(await (await old.request.get("/api/auth/session")).json()).toBeNull();
  const pageResponse = await old.request.get("/notifications", { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(pageResponse.status());
  expect(pageResponse.headers().location).toContain("/sign-in");
  await oldPage.goto("/settings/security");
  await expect(oldPage).toHaveURL(/\/sign-in/);
  await old.close();

  // The owner's own browser carries on.
  expect((await page.request.get("/api/notifications")).status()).toBe(200);
});

test("signing out ends that session for good, even if its cookie is replayed", async ({ page, browser }) => {
  await signIn(page, "oliver@demo.musbook.app");
  const cookies = await page.context().cookies();
  expect((await page.request.get("/api/notifications")).status()).toBe(200);
  await signOut(page);

  const replay = await browser.newContext({ baseURL: new URL(page.url()).origin });
  await replay.addCookies(cookies);
  expect((await replay.request.get("/api/notifications")).status()).toBe(401);
  expect(await (await replay.request.get("/api/auth/session")).json()).toBeNull();
  const replayPage = await replay.newPage();
  await replayPage.goto("/dashboard");
  await expect(replayPage).toHaveURL(/\/sign-in/);
  await replay.close();
});
