import type { Page } from "@playwright/test";
import { addDaysToIsoDate, formatIsoDate, mondayOfIsoDate } from "../lib/time";
import { expect, test } from "./fixtures";

const TEACHER = { name: "Clara Wieck", timezone: "Europe/London" };

async function bookDirectly(teacher: Page, studentName: string) {
  await teacher.goto("/students");
  await teacher.getByRole("link", { name: studentName }).first().click();
  await expect(teacher.getByRole("heading", { level: 1, name: studentName })).toBeVisible();
  await teacher.getByRole("button", { name: "Book lessons directly" }).click();
  await expect(teacher.getByText(/^Direct: lessons you set up are booked at once/)).toBeVisible();
}

async function chooseSlot(term: Page, name: string, day: string, time: string, minutes: string) {
  const row = term.getByRole("listitem", { name, exact: true });
  await row.getByRole("checkbox").check();
  await row.getByLabel(`Day for ${name}`).selectOption({ label: day });
  await row.getByLabel(`Start time for ${name}`).fill(time);
  await row.getByLabel(`Minutes for ${name}`).fill(minutes);
}

test("a teacher books a term for three students in one flow: the clash is shown and left out, the request-mode student is asked", async ({
  createAccount,
  connectStudent,
  signedIn,
}) => {
  test.setTimeout(420_000);
  const teacherAccount = await createAccount({ ...TEACHER, role: "teacher" });
  const ada = await connectStudent(teacherAccount, { name: "Ada Lovelace" });
  const ben = await connectStudent(teacherAccount, { name: "Ben Britten" });
  const cleo = await connectStudent(teacherAccount, { name: "Cleo Laine" });
  const teacher = await signedIn(teacherAccount);
  await bookDirectly(teacher, ada.name);
  await bookDirectly(teacher, ben.name);

  // The term opens on next Monday; Ben already has a lesson on its second Tuesday at 17:00.
  const firstMonday = addDaysToIsoDate(mondayOfIsoDate(formatIsoDate(new Date(), TEACHER.timezone)), 7);
  await teacher.goto("/lessons");
  await teacher.getByRole("button", { name: "New lesson" }).click();
  const single = teacher.getByRole("form", { name: "Book a lesson" });
  await single.getByLabel("Student").selectOption({ label: ben.name });
  await single.getByLabel("Date", { exact: true }).fill(addDaysToIsoDate(firstMonday, 8));
  await single.getByLabel("Start time").fill("17:00");
  await single.getByLabel("Length (minutes)").fill("30");
  await single.getByRole("button", { name: "Book lesson" }).click();
  await expect(teacher.getByRole("status").filter({ hasText: "Lesson booked." })).toBeVisible();

  await teacher.getByRole("link", { name: "Book the term" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Book the term" })).toBeVisible();
  await expect(teacher.getByLabel("First day")).toHaveValue(firstMonday);
  await chooseSlot(teacher, ada.name, "Monday", "16:00", "45");
  await chooseSlot(teacher, ben.name, "Tuesday", "17:00", "30");
  await chooseSlot(teacher, cleo.name, "Wednesday", "18:00", "45");
  await teacher.getByRole("button", { name: "Check the term" }).click();

  await expect(teacher.getByRole("listitem", { name: `Preview for ${ada.name}` })).toContainText("12 lessons at 16:00");
  const benClashes = teacher.getByRole("list", { name: `Clashes for ${ben.name}` }).getByRole("listitem");
  await expect(benClashes).toHaveCount(1);
  await expect(benClashes).toContainText("clashes with your other lesson");
  await expect(teacher.getByRole("listitem", { name: `Preview for ${cleo.name}` })).toContainText("Request to approve");
  const bookTerm = teacher.getByRole("button", { name: "Book the term" });
  await expect(bookTerm).toBeDisabled();
  await teacher.getByLabel("Leave out the 1 clashing date").check();
  await bookTerm.click();
  await expect(teacher.getByText("23 lessons booked, 1 request sent, 1 clashing lesson left out.")).toBeVisible();

  const cleoPage = await signedIn(cleo);
  await cleoPage.goto("/lessons");
  await expect(cleoPage.getByRole("listitem", { name: `Request from ${TEACHER.name}` })).toContainText("weekly");
  const adaPage = await signedIn(ada);
  await adaPage.goto("/lessons");
  await expect(adaPage.getByRole("list", { name: "Upcoming lessons" }).getByRole("listitem").first()).toContainText("16:00");
});
