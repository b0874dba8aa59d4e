import { expect, test } from "./fixtures";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test.describe("dashboard statistics", () => {
  test("practice and a late assignment show in the student's progress and the teacher's studio statistics", async ({
    connectedPair,
    signedIn,
  }) => {
    const { teacher, student } = await connectedPair();
    const teacherPage = await signedIn(teacher);
    await teacherPage.goto("/assignments/new");
    await teacherPage.getByLabel("Title").fill("Sight-reading, week one");
    await teacherPage.getByLabel("Due date").fill(inDays(-1));
    await teacherPage.getByRole("button", { name: "Set assignment" }).click();
    await expect(teacherPage.getByRole("heading", { name: "Sight-reading, week one" })).toBeVisible();

    const studentPage = await signedIn(student);
    await studentPage.goto("/dashboard");
    const practiceCard = studentPage.getByRole("region", { name: "Practice" });
    await practiceCard.getByRole("button", { name: "30 min" }).click();
    await expect(practiceCard.getByText("Logged 30 minutes.")).toBeVisible();
    await studentPage.goto("/assignments");
    await studentPage.getByRole("link", { name: "Sight-reading, week one" }).click();
    // The list has its own "Mark done": wait for the assignment's page before using the one there.
    await expect(studentPage.getByRole("heading", { level: 1, name: "Sight-reading, week one" })).toBeVisible();
    await studentPage.getByRole("button", { name: "Mark done" }).click();
    await expect(studentPage.getByLabel("Note for your teacher (optional)")).toBeVisible();
    await studentPage.getByRole("button", { name: "Mark done" }).click();
    await expect(studentPage.getByText(/^Marked done /)).toBeVisible();

    await studentPage.goto("/dashboard");
    const progress = studentPage.getByRole("region", { name: "Your progress" });
    await expect(progress.getByText(/^The last 4 weeks, since Monday/)).toBeVisible();
    await expect(progress.getByText("0 of 1 assignment due")).toBeVisible();
    await expect(progress.getByRole("row", { name: new RegExp(teacher.name) })).toContainText("30 min");
    await expect(studentPage.getByRole("region", { name: "Waiting for you" })).toContainText("All caught up");

    await teacherPage.goto("/dashboard");
    const statistics = teacherPage.getByRole("region", { name: "Studio statistics" });
    const row = statistics.getByRole("row", { name: new RegExp(student.name) });
    await expect(row).toContainText("30 min");
    await expect(row).toContainText("0 of 1");
    await expect(statistics.getByText("1 student logged practice")).toBeVisible();

    await statistics.getByRole("link", { name: "52 weeks" }).click();
    await expect(statistics.getByRole("link", { name: "52 weeks" })).toHaveAttribute("aria-current", "page");
    await expect(teacherPage).toHaveURL(/\/dashboard\?weeks=52#statistics$/);
    await expect(statistics.getByText(/^The last 52 weeks, since Monday/)).toBeVisible();
    const practiceChart = statistics.getByRole("figure", { name: "Practice minutes per week" });
    await expect(practiceChart.getByText("30 min in 52 weeks", { exact: false })).toBeVisible();
    await practiceChart.getByText("Show as table").click();
    const weeks = practiceChart.getByRole("table", { name: "Practice minutes per week" }).getByRole("row");
    await expect(weeks).toHaveCount(53);
    await expect(weeks.last()).toContainText("30 min");

    // The row stays readable on a phone: the table scrolls sideways within its box, the page does not.
    const pageWidth = await teacherPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(pageWidth).toBe(0);
  });
});

test("a newly invited student finds the invitation on their dashboard and accepts it there; the counts lead to their pages", async ({
  createAccount,
  signedIn,
}) => {
  const teacher = await createAccount({ role: "teacher", name: "Clara Wieck" });
  const student = await createAccount({ role: "student", name: "Marie Wieck" });
  const teacherPage = await signedIn(teacher);
  await teacherPage.goto("/students");
  await teacherPage.getByLabel("Student's email").fill(student.email);
  await teacherPage.getByRole("button", { name: "Send invitation" }).click();
  await expect(teacherPage.getByText(`Invitation sent to ${student.email}.`)).toBeVisible();

  const studentPage = await signedIn(student);
  await expect(studentPage.getByRole("heading", { name: "An invitation is waiting for you" })).toBeVisible();
  const invitation = studentPage.getByRole("region", { name: `Invitation from ${teacher.name}` });
  await invitation.getByRole("button", { name: "Accept" }).click();
  await expect(invitation).toHaveCount(0);
  await expect(studentPage.getByRole("listitem").filter({ hasText: teacher.name })).toBeVisible();

  await studentPage.getByRole("link", { name: /^Teachers\s*1$/ }).click();
  await expect(studentPage).toHaveURL(/\/teachers$/);
  await expect(studentPage.getByRole("region", { name: "Your teachers" }).getByText(teacher.name)).toBeVisible();
});
