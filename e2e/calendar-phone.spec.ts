import { startOfLocalDay } from "../lib/scheduling/month-grid";
import { DAY, formatDayHeading, formatIsoDate } from "../lib/time";
import { openCalendar } from "./calendar";
import { expect, test } from "./fixtures";

const TEACHER = { name: "Fanny Hensel", timezone: "Europe/London" };
const STUDENT = { name: "Felix Bartholdy", timezone: "Europe/London" };

test("on a phone a teacher adds a lesson and an event with New, and the month view lists the day's items on tap", async ({
  connectedPair,
  signedIn,
}, testInfo) => {
  const pair = await connectedPair({ teacher: TEACHER, student: STUDENT });
  const teacher = await signedIn(pair.teacher);
  const day = formatIsoDate(new Date(Date.now() + 10 * DAY), TEACHER.timezone);
  const heading = formatDayHeading(startOfLocalDay(day, TEACHER.timezone), TEACHER.timezone);

  await test.step("the teacher books the student directly", async () => {
    await teacher.goto("/students");
    await teacher.getByRole("link", { name: STUDENT.name }).first().click();
    await teacher.getByRole("button", { name: "Book lessons directly" }).click();
    await expect(teacher.getByText(/^Direct: lessons you set up are booked at once/)).toBeVisible();
  });

  await test.step("New books a lesson and adds a personal event, with phone instructions and no drag", async () => {
    await openCalendar(teacher, "/calendar");
    await expect(teacher.getByText(/^Tap New to add a lesson or a personal event/)).toBeVisible();
    await expect(teacher.getByText(/Drag/)).toHaveCount(0);

    await teacher.getByRole("button", { name: "New", exact: true }).click();
    const lesson = teacher.getByRole("form", { name: "Book a lesson" });
    await lesson.getByLabel("Student").selectOption({ label: STUDENT.name });
    await lesson.getByLabel("Date", { exact: true }).fill(day);
    await lesson.getByLabel("Start time").fill("16:00");
    await lesson.getByLabel("Length (minutes)").fill("45");
    await lesson.getByRole("button", { name: "Book lesson" }).click();
    await expect(teacher.getByRole("status").filter({ hasText: "Lesson booked." })).toBeVisible();

    await teacher.getByRole("button", { name: "New", exact: true }).click();
    await teacher.getByRole("tab", { name: "Personal event" }).click();
    const event = teacher.getByRole("form", { name: "Add a personal event" });
    await event.getByLabel("Title").fill("Orchestra rehearsal");
    await event.getByLabel("Starts").fill(day);
    await event.locator("#startTime").fill("18:00");
    await event.getByLabel("Ends").fill(day);
    await event.locator("#endTime").fill("19:30");
    await event.getByRole("button", { name: "Add event" }).click();
    await expect(teacher.getByRole("status").filter({ hasText: "Event added." })).toBeVisible();
  });

  await test.step("the month shows the day's dots; a tap lists its lesson and event", async () => {
    await teacher.getByRole("group", { name: "Calendar view" }).getByRole("button", { name: "Month" }).click();
    const today = formatIsoDate(new Date(), TEACHER.timezone);
    if (day.slice(0, 7) !== today.slice(0, 7)) await teacher.getByRole("button", { name: "Next month" }).click();
    const cell = teacher.getByRole("button", { name: `${heading}: 1 lesson, 1 event` });
    await cell.click();
    await expect(cell).toHaveAttribute("aria-pressed", "true");
    const list = teacher.getByRole("region", { name: heading });
    await expect(list.getByRole("link", { name: new RegExp(`^16:00–16:45\\s*Lesson with ${STUDENT.name}$`) })).toBeVisible();
    await expect(list.getByRole("button", { name: /^18:00–19:30\s*Orchestra rehearsal$/ })).toBeVisible();
    expect(await teacher.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await teacher.screenshot({ path: testInfo.outputPath("calendar-month-phone.png"), fullPage: true });

    await list.getByRole("button", { name: /^18:00–19:30\s*Orchestra rehearsal$/ }).click();
    await expect(teacher.getByRole("button", { name: "Delete event" })).toBeVisible();
    await list.getByRole("link", { name: new RegExp(`^16:00–16:45\\s*Lesson with ${STUDENT.name}$`) }).click();
    await expect(teacher.getByRole("heading", { level: 1 })).toContainText("16:00");
  });
});
