import { expect, test } from "./fixtures";
import { linkIn } from "./mail";
import { signIn, signOut } from "./session";

const NEW_PASSWORD = "a second set of variations";

test("a password change ends an old, refreshed session on pages, route handlers and realtime auth", async ({
  page,
  createAccount,
  signedIn,
}) => {
  const account = await createAccount({ role: "student", confirmed: false });
  const { email, password } = account;

  const oldPage = await signedIn(account);
  const old = oldPage.context();
  const sessionCookie = async () => (await old.cookies()).find((cookie) => cookie.name.includes("session-token"))?.value;
  const cookieBefore = await sessionCookie();
  expect(cookieBefore).toBeTruthy();
  // The token's `iat` has a resolution of one second: poll until a refresh in a later second rewrites the cookie.
  await expect
    .poll(async () => {
      const refreshed = await old.request.get("/api/auth/session");
      expect((await refreshed.json()).user?.id).toBeTruthy();
      return sessionCookie();
    })
    .not.toBe(cookieBefore);
  expect((await old.request.get("/api/notifications")).status()).toBe(200);

  await signIn(page, email, password);
  // This page's own realtime subscription must be authorized before the change ends every session, this one too:
  // asked for in between, it would be refused (a 401 in the console) until the browser has its new session.
  const subscribed = page.waitForResponse(
    (response) =>
      response.url().endsWith("/api/realtime/auth") &&
      response.ok() &&
      /\/settings\/security$/.test(response.request().headers().referer ?? ""),
  );
  await page.goto("/settings/security");
  await subscribed;
  const section = page.getByRole("region", { name: "Password" });
  await section.getByLabel("Current password").fill(password);
  await section.getByLabel("New password").fill(NEW_PASSWORD);
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/notice=password-changed/);

  const api = await old.request.get("/api/notifications");
  expect(api.status()).toBe(401);
  expect(await api.json()).toEqual({ error: "Your session has ended. Sign in again.", code: "session-ended" });
  const realtime = await old.request.post("/api/realtime/auth", {
    form: { socket_id: "123.456", channel_name: "private-user-00000000-0000-4000-8000-000000000000" },
  });
  expect(realtime.status()).toBe(401);
  expect(await (await old.request.get("/api/auth/session")).json()).toBeNull();
  const pageResponse = await old.request.get("/notifications", { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(pageResponse.status());
  expect(pageResponse.headers().location).toContain("/sign-in");
  await oldPage.goto("/settings/security");
  await expect(oldPage).toHaveURL(/\/sign-in/);

  expect((await page.request.get("/api/notifications")).status()).toBe(200);
});

test("a password change while the page's live channel is being authorized leaves that tab live", async ({
  page,
  createAccount,
  newPage,
  outbox,
  pageErrors,
}) => {
  const account = await createAccount({ role: "student", confirmed: false });
  const inbox = await outbox.inbox(account.email, { fromFirst: true });
  await signIn(page, account.email, account.password);

  // This page's channel authorization is held until the password has changed and then refused, as the server refuses
  // one that arrives with the session the change ended: what happens when someone changes their password the moment
  // the page has loaded. (Continued instead, it would go out with the browser's new session.)
  pageErrors.allow(/the server responded with a status of 401/, "the held authorization is refused on purpose, as for an ended session");
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  let holdNext = true;
  await page.route("**/api/realtime/auth", async (route) => {
    if (!holdNext || !/\/settings\/security$/.test(route.request().headers().referer ?? "")) return route.continue();
    holdNext = false;
    held();
    await released;
    await route.fulfill({ status: 401, json: { error: "Your session has ended. Sign in again.", code: "session-ended" } });
  });
  const renewed = page.waitForResponse(
    (response) =>
      response.url().endsWith("/api/realtime/auth") &&
      response.ok() &&
      /notice=password-changed$/.test(response.request().headers().referer ?? ""),
  );
  await page.goto("/settings/security");
  await holding;
  const section = page.getByRole("region", { name: "Password" });
  await section.getByLabel("Current password").fill(account.password);
  await section.getByLabel("New password").fill(NEW_PASSWORD);
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/notice=password-changed/);
  const refused = page.waitForResponse((response) => response.url().endsWith("/api/realtime/auth") && response.status() === 401);
  release();
  await refused;
  // The tab asks again with its new session, without a reload, and live events reach it.
  await renewed;
  const bell = page.getByRole("button", { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName("Notifications");
  const mailPage = await newPage();
  await mailPage.goto(linkIn(await inbox.next("Confirm your email address"), "/verify-email?token="));
  await mailPage.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(mailPage.getByText("Your email address is confirmed.")).toBeVisible();
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
});

test("signing out ends that session for good, even if its cookie is replayed", async ({ page, createAccount, newPage }) => {
  const account = await createAccount({ role: "teacher" });
  await signIn(page, account.email, account.password);
  const cookies = await page.context().cookies();
  expect((await page.request.get("/api/notifications")).status()).toBe(200);
  await signOut(page);

  const replayPage = await newPage();
  const replay = replayPage.context();
  await replay.addCookies(cookies);
  expect((await replay.request.get("/api/notifications")).status()).toBe(401);
  expect(await (await replay.request.get("/api/auth/session")).json()).toBeNull();
  await replayPage.goto("/dashboard");
  await expect(replayPage).toHaveURL(/\/sign-in/);
});
