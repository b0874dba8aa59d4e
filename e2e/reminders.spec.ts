import { formatIsoDate, formatTime, MINUTE } from "../lib/time";
import { expect, test } from "./fixtures";
import { linkIn } from "./mail";

const TEACHER = { name: "Amelia Hart", timezone: "Europe/London" };
const STUDENT = { name: "Maya Chen", timezone: "Europe/London" };

test("notification choices are saved, kept after a reload and shown on the dashboard", async ({ createAccount, signedIn }, testInfo) => {
  // Sign-up through the real pages comes first; generous for a machine busy with other builds.
  test.setTimeout(360_000);
  const account = await createAccount({ role: "student", name: "Clara Wieck" });
  const page = await signedIn(account);
  await page.goto("/settings/notifications");
  await expect(page.getByRole("heading", { name: "Notifications", level: 2, exact: true })).toBeVisible();
  const thirty = page.getByRole("checkbox", { name: "30 min before" });
  await expect(thirty).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "24 h before" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "1 h before" })).toBeChecked();
  await expect(page.getByText("No device gets push notifications yet")).toBeVisible();

  await thirty.check();
  await page.getByRole("checkbox", { name: "24 h before" }).uncheck();
  await page.getByRole("checkbox", { name: "Messages: Email" }).uncheck();
  await page.getByRole("checkbox", { name: "Attendance: Email" }).check();
  await page.getByRole("checkbox", { name: /Email me a summary/ }).uncheck();
  await page.getByRole("button", { name: "Save choices" }).click();
  await expect(page.getByText("Your notification choices are saved.")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("notification-settings.png"), fullPage: true });

  await page.reload();
  await expect(page.getByRole("checkbox", { name: "30 min before" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "24 h before" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Messages: Email" })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Attendance: Email" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Email me a summary/ })).not.toBeChecked();

  await page.goto("/dashboard");
  // Push is left out until a phone can receive it.
  await expect(page.getByText("Reminders: 1 h and 30 min before each lesson, in the app and by email.")).toBeVisible();
  await page.getByRole("link", { name: "Change" }).click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);
});

test("a lesson booked half an hour ahead is reminded 30 minutes before, in the bell and by email, once", async ({
  connectedPair,
  signedIn,
  outbox,
  request,
}, testInfo) => {
  test.setTimeout(360_000);
  const pair = await connectedPair({ teacher: TEACHER, student: STUDENT });
  const student = await signedIn(pair.student);
  const teacher = await signedIn(pair.teacher);
  const inbox = await outbox.inbox(pair.student.email);

  await test.step("the student asks for 30-minute reminders", async () => {
    await student.goto("/settings/notifications");
    await student.getByRole("checkbox", { name: "30 min before" }).check();
    await student.getByRole("button", { name: "Save choices" }).click();
    await expect(student.getByText("Your notification choices are saved.")).toBeVisible();
  });

  // 32 to 33 minutes ahead, on the minute: its 30-minute reminder falls due two or three minutes from now.
  const start = new Date(Math.ceil((Date.now() + 32 * MINUTE) / MINUTE) * MINUTE);
  await test.step("the student asks for the lesson; the teacher approves it", async () => {
    await student.goto("/lessons");
    await student.getByRole("button", { name: "Request a lesson" }).click();
    const form = student.getByRole("form", { name: "Request a lesson" });
    await form.getByLabel("Teacher").selectOption({ label: TEACHER.name });
    await form.getByLabel("Date").fill(formatIsoDate(start, STUDENT.timezone));
    await form.getByLabel("Start time").fill(formatTime(start, STUDENT.timezone));
    await form.getByLabel("Length (minutes)").fill("30");
    await form.getByLabel(/Location/).fill("Studio 2");
    await form.getByRole("button", { name: "Send request" }).click();
    await expect(student.getByRole("listitem", { name: `Your request to ${TEACHER.name}` })).toBeVisible();
    await teacher.goto("/lessons");
    const item = teacher.getByRole("listitem", { name: `Request from ${STUDENT.name}` });
    await item.getByRole("button", { name: "Approve" }).click();
    await expect(item).toHaveCount(0);
  });

  await test.step("the ticker runs at the reminder's minute (the test clock moves the sweep there)", async () => {
    await student.goto("/dashboard");
    const minutesAhead = Math.max(0, Math.ceil((start.getTime() - 30 * MINUTE - Date.now()) / MINUTE));
    const swept = await request.post("/api/test/reminders/sweep", { data: { minutesAhead } });
    expect(swept.ok()).toBe(true);
    // The ticker of the server itself may have claimed it first; either way the reminder exists once.
    expect(await swept.json()).toMatchObject({ resent: 0 });
  });

  const title = `Lesson with ${TEACHER.name} in 30 minutes`;
  await test.step("the reminder is in the bell, live, and opens the lesson", async () => {
    const bell = student.getByRole("button", { name: /^Notifications/ });
    await expect(bell).toHaveAccessibleName(/Notifications, \d+ unread/);
    await bell.click();
    const panel = student.getByRole("region", { name: "Recent notifications" });
    const reminder = panel.getByRole("button", { name: new RegExp(title) });
    await expect(reminder).toHaveCount(1);
    await expect(reminder).toContainText(`${formatTime(start, STUDENT.timezone)} London`);
    await reminder.click();
    await expect(student).toHaveURL(/\/lessons\/[0-9a-f-]{36}$/);
    const reminders = student.getByRole("region", { name: "Reminders" });
    await expect(reminders.getByRole("listitem").filter({ hasText: "30 min" })).toContainText("Sent");
    await student.screenshot({ path: testInfo.outputPath("lesson-reminders.png"), fullPage: true });
  });

  await test.step("and in the mail, linking the lesson", async () => {
    const email = await inbox.next(title);
    expect(linkIn(email, "/lessons/")).toMatch(/\/lessons\/[0-9a-f-]{36}$/);
    // Read as HTML: the outbox page shows the email in a sandboxed frame, which logs a console notice of its own.
    const page = await request.get(`/dev/mail/${email.id}`);
    expect(await page.text()).toContain("lesson.ics");
  });
});
