import type { Page } from "@playwright/test";
import { markupPayloads } from "../tests/markup";
import { expect, test } from "./fixtures";

/** Every payload of the stored-XSS corpus, in one text (fields long enough take them all). */
const corpus = markupPayloads.join(" ");

/** No payload may run: any dialog fails the test, and no element a payload names may exist. */
function guard(page: Page) {
  page.on("dialog", (dialog) => {
    throw new Error(`A payload ran: ${dialog.type()} "${dialog.message()}" on ${page.url()}`);
  });
}

async function expectInertPage(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  for (const selector of [
    'img[src="x"]',
    "main script",
    "main svg[onload]",
    'iframe[src^="javascript"]',
    'a[href^="javascript"]',
    'a[href^="data:"]',
  ]) {
    await expect(page.locator(selector), `${selector} on ${path}`).toHaveCount(0);
  }
}

test("the markup corpus typed into every free-text field runs nowhere, and the calendar feed stays valid", async ({
  connectedPair,
  signedIn,
  request,
}) => {
  const { teacher, student } = await connectedPair();
  const teacherPage = await signedIn(teacher);
  const studentPage = await signedIn(student);
  guard(teacherPage);
  guard(studentPage);

  await test.step("the student's profile, a lesson request and a message", async () => {
    await studentPage.goto("/settings/profile");
    await studentPage.getByLabel(/^About you/).fill(corpus);
    await studentPage.getByRole("button", { name: "Save changes" }).click();
    await expect(studentPage.getByText("Your profile is saved.")).toBeVisible();

    await studentPage.goto("/lessons");
    await studentPage.getByRole("button", { name: "Request a lesson" }).click();
    const form = studentPage.getByRole("form", { name: "Request a lesson" });
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel("Date").fill(date);
    await form.getByLabel(/Location/).fill(corpus);
    await form.getByLabel(/^Note/).fill(corpus);
    await form.getByRole("button", { name: "Send request" }).click();
    await expect(studentPage.getByRole("listitem", { name: `Your request to ${teacher.name}` })).toBeVisible();

    await studentPage.goto("/messages");
    await studentPage
      .getByRole("link", { name: new RegExp(teacher.name) })
      .first()
      .click();
    const composer = studentPage.getByRole("textbox", { name: /^Message / });
    await composer.fill(corpus);
    await composer.press("Enter");
    await expect(composer).toHaveValue("");
  });

  await test.step("the teacher's private note and an assignment; approving the request", async () => {
    await teacherPage.goto("/students");
    await teacherPage
      .getByRole("link", { name: new RegExp(student.name) })
      .first()
      .click();
    await teacherPage.getByLabel("New private note").fill(corpus);
    await teacherPage.getByRole("button", { name: "Add note" }).click();
    await expect(teacherPage.getByRole("list", { name: "Notes" }).getByText(markupPayloads[0]!, { exact: false })).toBeVisible();

    await teacherPage.goto("/assignments/new");
    await teacherPage.getByLabel("Title").fill(markupPayloads.slice(0, 4).join(" "));
    await teacherPage.getByLabel("Instructions").fill(corpus);
    await teacherPage.getByRole("button", { name: "Set assignment" }).click();
    await expect(teacherPage.getByRole("heading", { name: markupPayloads[0]!, exact: false })).toBeVisible();

    await teacherPage.goto("/lessons");
    const item = teacherPage.getByRole("listitem", { name: `Request from ${student.name}` });
    await item.getByRole("button", { name: "Approve" }).click();
    await expect(item).toHaveCount(0);
  });

  await test.step("every page that shows them, for both", async () => {
    for (const path of ["/dashboard", "/lessons", "/calendar", "/assignments", "/messages", "/notifications", "/students"]) {
      await expectInertPage(teacherPage, path);
    }
    await teacherPage.goto("/students");
    await teacherPage
      .getByRole("link", { name: new RegExp(student.name) })
      .first()
      .click();
    await expectInertPage(teacherPage, new URL(teacherPage.url()).pathname);
    for (const path of ["/dashboard", "/lessons", "/assignments", "/messages", "/notifications", "/teachers", "/settings/profile"]) {
      await expectInertPage(studentPage, path);
    }
  });

  await test.step("the teacher's calendar feed is valid iCalendar with the text escaped", async () => {
    await teacherPage.goto("/calendar");
    await teacherPage.getByRole("button", { name: "Create feed link" }).click();
    const response = await request.get(await teacherPage.getByLabel("Calendar feed URL").inputValue());
    expect(response.status()).toBe(200);
    const raw = await response.text();
    // Lines end in CRLF, continue with a space, and name a property; text values escape ; , and line breaks.
    for (const line of raw.split("\r\n").filter(Boolean)) expect(line, line).toMatch(/^([A-Z][A-Z-]*[;:]| )/);
    const ics = raw.replace(/\r\n[ \t]/g, "");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.trimEnd()).toMatch(/END:VCALENDAR$/);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain("LOCATION:<img src=x onerror=alert(1)> <script>alert(1)</script>");
  });
});
