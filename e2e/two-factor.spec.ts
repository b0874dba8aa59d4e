import { expect, test } from "./fixtures";
import { codeIn } from "./mail";
import { signIn, signOut } from "./session";

test.describe("two-step sign-in", () => {
  test("a teacher turns it on, then signs in with an emailed code; five wrong codes end the challenge", async ({
    page,
    createAccount,
    outbox,
  }, testInfo) => {
    test.slow();
    const { email, password } = await createAccount({ role: "teacher" });
    const inbox = await outbox.inbox(email);

    await signIn(page, email, password);
    await page.goto("/settings/security");
    const section = page.getByRole("region", { name: "Two-step sign-in" });
    await expect(section).toContainText("Off");
    await section.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    await expect(section.getByText(`We sent a 6-digit code to ${email}.`)).toBeVisible();

    const enrolmentCode = codeIn(await inbox.next(/is your MusBook confirmation code/));
    await section.getByLabel("Code from the email").fill(enrolmentCode);
    await section.getByRole("button", { name: "Confirm and turn on" }).click();
    await expect(section.getByText("Two-step sign-in is on.")).toBeVisible();
    await expect(section).toContainText("On");
    await page.screenshot({ path: testInfo.outputPath("settings-two-step-on.png"), fullPage: true });

    // A password alone no longer opens a session.
    await signOut(page);
    await signIn(page, email, password, /\/sign-in\/verify$/);
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expect(page.getByText(/We sent a 6-digit code to t•+@example\.com/)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("two-step-code.png"), fullPage: true });
    // Between the password and the code there is no session on any path.
    expect(await (await page.request.get("/api/auth/session")).json()).toBeNull();
    expect((await page.request.get("/api/notifications")).status()).toBe(401);
    expect(
      (
        await page.request.post("/api/realtime/auth", {
          form: { socket_id: "1.2", channel_name: "private-user-00000000-0000-4000-8000-000000000000" },
        })
      ).status(),
    ).toBe(401);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
    await page.goBack();

    const firstCode = codeIn(await inbox.next(/is your MusBook sign-in code/));
    const alert = page.getByRole("main").getByRole("alert");
    const wrong = String((Number(firstCode) + 1) % 1_000_000).padStart(6, "0");
    for (const left of [4, 3, 2, 1]) {
      await page.getByLabel("6-digit code").fill(wrong);
      await page.getByRole("button", { name: "Verify and sign in" }).click();
      await expect(alert).toContainText(`That code isn't right. ${left} ${left === 1 ? "attempt" : "attempts"} left.`);
    }
    await page.getByLabel("6-digit code").fill(wrong);
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(alert).toContainText("Too many wrong codes");
    await page.getByLabel("6-digit code").fill(firstCode);
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(alert).toContainText("no longer works");
    await expect(page).toHaveURL(/\/sign-in\/verify/);

    // Starting again sends a fresh code (the inbox waits for an email it has not returned before);
    // with "trust this device" the next sign-in needs none.
    await page.getByRole("button", { name: "Sign in as someone else" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await signIn(page, email, password, /\/sign-in\/verify$/);
    const secondCode = codeIn(await inbox.next(/is your MusBook sign-in code/));
    expect(secondCode).not.toBe(firstCode);
    await page.getByLabel("6-digit code").fill(`${secondCode.slice(0, 3)} ${secondCode.slice(3)}`);
    await page.getByLabel(/Trust this device/).check();
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);

    await signOut(page);
    await signIn(page, email, password);
  });
});
