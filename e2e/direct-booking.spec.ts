import type { Page } from "@playwright/test";
import { addLocalDays, formatIsoDate, formatTime, utcToZoned, WEEK, zonedToUtc } from "../lib/time";
import { calendarEntry, openCalendar } from "./calendar";
import { expect, test } from "./fixtures";
import { linkIn } from "./mail";

const TEACHER = { name: "Clara Wieck", timezone: "Europe/London" };
const STUDENT = { name: "Johannes Kreisler", timezone: "Europe/Berlin" };

/** Wednesday 16:00 in London, two to three weeks from now. */
function firstLesson(): Date {
  const today = utcToZoned(new Date(), TEACHER.timezone);
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  return zonedToUtc({ ...addLocalDays(today, 14 + ((3 - weekday + 7) % 7)), hour: 16, minute: 0 }, TEACHER.timezone);
}

async function fillLesson(page: Page, start: Date, weekly?: number) {
  const form = page.getByRole("form", { name: "Book a lesson" });
  await form.getByLabel("Student").selectOption({ label: STUDENT.name });
  await form.getByLabel("Date", { exact: true }).fill(formatIsoDate(start, TEACHER.timezone));
  await form.getByLabel("Start time").fill(formatTime(start, TEACHER.timezone));
  await form.getByLabel("Length (minutes)").fill("45");
  if (weekly) {
    await form.getByLabel("Repeat").selectOption("weekly");
    await form.getByLabel("Number of lessons").fill(String(weekly));
  }
  return form;
}

test("a teacher who books directly books a series at once; the student sees it live on their calendar and by email", async ({
  connectedPair,
  signedIn,
  outbox,
}) => {
  test.setTimeout(300_000);
  const pair = await connectedPair({ teacher: TEACHER, student: STUDENT });
  const teacher = await signedIn(pair.teacher);
  const student = await signedIn(pair.student);
  const inbox = await outbox.inbox(pair.student.email);
  const first = firstLesson();

  await test.step("the teacher switches the student to direct booking, and the student is told", async () => {
    await teacher.goto("/students");
    await teacher.getByRole("link", { name: STUDENT.name }).first().click();
    await expect(teacher.getByRole("heading", { level: 1, name: STUDENT.name })).toBeVisible();
    await teacher.getByRole("button", { name: "Book lessons directly" }).click();
    await expect(teacher.getByText("Direct: lessons you set up are booked at once, and Johannes is told.")).toBeVisible();
    await student.goto("/teachers");
    await expect(student.getByText(/^Clara books your lessons directly/)).toBeVisible();
  });

  await test.step("a single lesson, then a series that clashes with it: refused, then booked without the clash", async () => {
    await teacher.goto("/lessons");
    await teacher.getByRole("button", { name: "New lesson" }).click();
    let form = await fillLesson(teacher, new Date(first.getTime() + WEEK));
    await expect(form.getByText("Booked at once; Johannes is told.")).toBeVisible();
    await form.getByRole("button", { name: "Book lesson" }).click();
    await expect(teacher.getByRole("status").filter({ hasText: "Lesson booked." })).toBeVisible();

    await teacher.getByRole("button", { name: "New lesson" }).click();
    form = await fillLesson(teacher, first, 3);
    await form.getByRole("button", { name: "Book lessons" }).click();
    await expect(form.getByText(/^One lesson clashes with another lesson or event: /)).toBeVisible();
    await form.getByLabel("Leave out dates that clash").check();
    await form.getByRole("button", { name: "Book lessons" }).click();
    await expect(teacher.getByRole("status").filter({ hasText: "2 lessons booked. 1 clashing lesson left out." })).toBeVisible();
  });

  await test.step("the student's open calendar shows the series without a reload, and the email arrives", async () => {
    // Opened before the next booking, so only the live update can show it.
    const later = new Date(first.getTime() + 4 * WEEK);
    await openCalendar(student, `/calendar?date=${formatIsoDate(later, STUDENT.timezone)}`);
    const lessonAt = calendarEntry(student, new RegExp(`^${formatTime(later, STUDENT.timezone)}\\b.*Lesson with ${TEACHER.name}`));
    await expect(lessonAt).toHaveCount(0);

    await teacher.getByRole("button", { name: "New lesson" }).click();
    const form = await fillLesson(teacher, later);
    await form.getByRole("button", { name: "Book lesson" }).click();
    await expect(teacher.getByRole("status").filter({ hasText: "Lesson booked." })).toBeVisible();
    await expect(lessonAt).toBeVisible();
    await expect(student.getByRole("button", { name: /^Notifications, \d+ unread/ })).toBeVisible();

    // The first booking's email; it links to the lesson.
    linkIn(await inbox.next(`${TEACHER.name} booked a lesson`), "/lessons/");
  });
});
