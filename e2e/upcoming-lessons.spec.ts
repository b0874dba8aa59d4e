import type { Page } from "@playwright/test";
import { DAY, formatIsoDate } from "../lib/time";
import { expect, test } from "./fixtures";

const ZONE = "Europe/London";
const FIRST_STUDENT = "Ida Presti";
const SECOND_STUDENT = "Alexandre Lagoya";

/** The teacher books lessons for the student at once: switched to direct booking, then one (weekly) booking. */
async function bookDirectly(
  teacher: Page,
  student: string,
  { daysAhead, time, weekly }: { daysAhead: number; time: string; weekly?: number },
) {
  await teacher.goto("/students");
  await teacher.getByRole("link", { name: student }).first().click();
  await teacher.getByRole("button", { name: "Book lessons directly" }).click();
  await expect(teacher.getByText(/^Direct: lessons you set up are booked at once/)).toBeVisible();
  await teacher.goto("/lessons");
  await teacher.getByRole("button", { name: "New lesson" }).click();
  // The form is named for the chosen student's booking mode: pick the student first.
  await teacher
    .getByRole("form", { name: /^(Book|Request) a lesson$/ })
    .getByLabel("Student")
    .selectOption({ label: student });
  const form = teacher.getByRole("form", { name: "Book a lesson" });
  await form.getByLabel("Date", { exact: true }).fill(formatIsoDate(new Date(Date.now() + daysAhead * DAY), ZONE));
  await form.getByLabel("Start time").fill(time);
  await form.getByLabel("Length (minutes)").fill("30");
  if (weekly) {
    await form.getByLabel("Repeat").selectOption("weekly");
    await form.getByLabel("Number of lessons").fill(String(weekly));
  }
  await form.getByRole("button", { name: weekly ? "Book lessons" : "Book lesson" }).click();
  await expect(teacher.getByRole("status").filter({ hasText: weekly ? `${weekly} lessons booked.` : "Lesson booked." })).toBeVisible();
}

test("a teacher pages through more than 15 upcoming lessons and narrows them to one student", async ({
  createAccount,
  connectStudent,
  signedIn,
}) => {
  test.setTimeout(300_000);
  const teacherAccount = await createAccount({ role: "teacher", name: "Emilio Pujol", timezone: ZONE });
  await connectStudent(teacherAccount, { name: FIRST_STUDENT, timezone: ZONE });
  await connectStudent(teacherAccount, { name: SECOND_STUDENT, timezone: ZONE });
  const teacher = await signedIn(teacherAccount);
  await bookDirectly(teacher, FIRST_STUDENT, { daysAhead: 2, time: "17:00", weekly: 18 });
  await bookDirectly(teacher, SECOND_STUDENT, { daysAhead: 3, time: "18:00" });

  const upcoming = teacher.getByRole("list", { name: "Upcoming lessons" });
  const pages = teacher.getByRole("navigation", { name: "Upcoming lessons pages" });
  await teacher.goto("/lessons");
  await expect(upcoming.getByRole("listitem")).toHaveCount(15);
  await expect(upcoming.getByRole("listitem").filter({ hasText: SECOND_STUDENT })).toHaveCount(1);

  await pages.getByRole("link", { name: "Later lessons" }).click();
  await expect(upcoming.getByRole("listitem")).toHaveCount(4);
  await expect(upcoming.getByRole("listitem").filter({ hasText: FIRST_STUDENT })).toHaveCount(4);
  await expect(pages.getByRole("link", { name: "Later lessons" })).toHaveCount(0);
  await pages.getByRole("link", { name: "Back to the next lessons" }).click();
  await expect(upcoming.getByRole("listitem")).toHaveCount(15);

  await teacher.getByLabel("Show upcoming lessons with").selectOption({ label: SECOND_STUDENT });
  await expect(teacher).toHaveURL(/[?&]with=[0-9a-f-]{36}/);
  await expect(upcoming.getByRole("listitem")).toHaveCount(1);
  await expect(upcoming.getByRole("listitem")).toContainText(SECOND_STUDENT);
  await expect(pages).toHaveCount(0);

  // Narrowing the recent lessons keeps the upcoming filter, and back.
  await teacher.getByRole("link", { name: "Only unmarked" }).click();
  await expect(teacher.getByRole("heading", { name: "Attendance to mark" })).toBeVisible();
  await expect(teacher.getByLabel("Show upcoming lessons with")).toHaveValue(/^[0-9a-f-]{36}$/);
  await expect(upcoming.getByRole("listitem")).toHaveCount(1);
  await teacher.getByRole("link", { name: "All recent lessons" }).click();
  await expect(teacher.getByRole("heading", { name: "Recent lessons" })).toBeVisible();
  await expect(upcoming.getByRole("listitem")).toContainText(SECOND_STUDENT);

  // A link that is not one of the teacher's connections explains itself, and shows nothing.
  await teacher.goto("/lessons?with=00000000-0000-4000-8000-000000000000&after=junk");
  await expect(teacher.getByText("That student is not one of your connections.")).toBeVisible();
});
