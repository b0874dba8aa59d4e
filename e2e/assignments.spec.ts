import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test.describe("assignments and practice", () => {
  test("a teacher sets an assignment, the student hears of it live, marks it done, and the teacher reopens it", async ({
    connectedPair,
    signedIn,
  }, testInfo) => {
    const { teacher, student } = await connectedPair();
    const studentPage = await signedIn(student);
    await studentPage.goto("/assignments");
    await expect(studentPage.getByText("Nothing to practise yet.")).toBeVisible();
    const bell = studentPage.getByRole("button", { name: /^Notifications/ });
    await expect(bell).toBeVisible();
    const unreadBefore = Number(/(\d+) unread/.exec((await bell.getAttribute("aria-label")) ?? "")?.[1] ?? 0);

    const teacherPage = await signedIn(teacher);
    await teacherPage.goto("/assignments");
    await teacherPage.getByRole("link", { name: "New assignment" }).click();
    await expect(teacherPage.getByRole("heading", { name: "New assignment" })).toBeVisible();
    await teacherPage.getByLabel("Title").fill("Scales: G and D major");
    await teacherPage.getByLabel("Instructions").fill("Two octaves, hands together.\nModel recording: https://example.com/scales");
    await teacherPage.getByLabel("Due date").fill(inDays(3));
    await teacherPage.getByLabel("Due time").fill("18:00");
    await teacherPage.getByRole("button", { name: "Set assignment" }).click();
    await expect(teacherPage.getByRole("heading", { name: "Scales: G and D major" })).toBeVisible();
    await expect(teacherPage.getByText(`For ${student.name}`)).toBeVisible();

    // The student's bell counts it without a reload, and the notice opens the assignment.
    await expect(bell).toHaveAccessibleName(`Notifications, ${unreadBefore + 1} unread`);
    await bell.click();
    await studentPage
      .getByRole("region", { name: "Recent notifications" })
      .getByRole("button", { name: /set “Scales: G and D major”/ })
      .click();
    await expect(studentPage.getByRole("heading", { name: "Scales: G and D major" })).toBeVisible();
    await expect(studentPage.getByRole("link", { name: "https://example.com/scales" })).toHaveAttribute(
      "href",
      "https://example.com/scales",
    );
    await expect(studentPage.getByText(/^Due .*, 18:00$/)).toBeVisible();

    await studentPage.getByRole("button", { name: "Mark done" }).click();
    await studentPage.getByLabel("Note for your teacher").fill("D major left hand still slow.");
    await studentPage.getByRole("button", { name: "Mark done" }).click();
    await expect(studentPage.getByText(/^Marked done /)).toBeVisible();
    await expect(studentPage.getByRole("button", { name: "Not done yet" })).toBeVisible();

    await teacherPage.goto("/assignments");
    const completed = teacherPage.getByRole("region", { name: /Completed/ });
    await expect(completed.getByRole("link", { name: "Scales: G and D major" })).toBeVisible();
    await expect(completed.getByText("“D major left hand still slow.”")).toBeVisible();
    await completed.getByRole("button", { name: "Reopen" }).click();
    await teacherPage.getByLabel("What to work on again").fill("Left hand alone at 60 first.");
    await teacherPage.getByRole("button", { name: "Reopen assignment" }).click();
    await expect(teacherPage.getByRole("region", { name: /Due this week/ }).getByText("Reopened")).toBeVisible();
    await teacherPage.screenshot({ path: testInfo.outputPath("teacher-assignments.png"), fullPage: true });

    await studentPage.reload();
    await expect(studentPage.getByRole("main").getByText("Left hand alone at 60 first.")).toBeVisible();
    await expect(studentPage.getByRole("button", { name: "Mark done" })).toBeVisible();
  });

  test("a student logs practice in one tap and the teacher sees it, against the goal they set", async ({ connectedPair, signedIn }) => {
    const { teacher, student } = await connectedPair();
    const teacherPage = await signedIn(teacher);
    await teacherPage.goto("/students");
    await teacherPage.getByRole("link", { name: student.name }).first().click();
    const practice = teacherPage.getByRole("region", { name: "Practice" });
    await expect(practice.getByText("No practice logged yet.")).toBeVisible();
    await practice.getByLabel("Weekly goal (minutes)").fill("90");
    await practice.getByRole("button", { name: "Save goal" }).click();
    await expect(practice.getByText("Weekly goal set to 90 minutes.")).toBeVisible();

    const studentPage = await signedIn(student);
    await studentPage.goto("/dashboard");
    const card = studentPage.getByRole("region", { name: "Practice" });
    await expect(card.getByText("Goal 90 min")).toBeVisible();
    await card.getByRole("button", { name: "30 min" }).click();
    await expect(card.getByText("Logged 30 minutes.")).toBeVisible();
    await expect(card.getByRole("meter")).toHaveAttribute("aria-valuetext", "30 of 90 minutes");

    await studentPage.goto("/practice");
    await studentPage.getByRole("button", { name: "Other" }).click();
    await studentPage.getByLabel("Minutes").fill("721");
    await studentPage.getByRole("button", { name: "Log practice" }).click();
    await expect(studentPage.getByText("Log at most 720 minutes in one entry.")).toBeVisible();
    await studentPage.getByLabel("Minutes").fill("15");
    await studentPage.getByLabel("Note").fill("Slow hands-separate work");
    await studentPage.getByRole("button", { name: "Log practice" }).click();
    await expect(studentPage.getByText("Logged 15 minutes.")).toBeVisible();
    await expect(studentPage.getByText("Slow hands-separate work")).toBeVisible();

    await teacherPage.reload();
    await expect(practice.getByRole("meter")).toHaveAttribute("aria-valuetext", "45 of 90 minutes");
    await expect(practice.getByText("Slow hands-separate work")).toBeVisible();
  });

  test("a teacher downloads their assignments as CSV and anyone their data as JSON", async ({ connectedPair, signedIn }) => {
    const { teacher, student } = await connectedPair();
    const teacherPage = await signedIn(teacher);
    await teacherPage.goto("/assignments/new");
    await teacherPage.getByLabel("Title").fill("=Scales, both hands");
    await teacherPage.getByRole("button", { name: "Set assignment" }).click();
    await expect(teacherPage.getByRole("heading", { name: "=Scales, both hands" })).toBeVisible();

    await teacherPage.goto("/settings/data");
    const form = teacherPage.getByRole("form", { name: "Export as CSV" });
    await form.getByLabel("What").selectOption("assignments");
    const [download] = await Promise.all([
      teacherPage.waitForEvent("download"),
      form.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^musbook-assignments-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await download.path())!, "utf8"))
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(new RegExp(`^${student.name},"'=Scales, both hands",`));

    const studentPage = await signedIn(student);
    await studentPage.goto("/settings/data");
    await expect(studentPage.getByRole("form", { name: "Export as CSV" })).toHaveCount(0);
    const [json] = await Promise.all([
      studentPage.waitForEvent("download"),
      studentPage.getByRole("link", { name: "Download my data (JSON)" }).click(),
    ]);
    const data = JSON.parse(await readFile((await json.path())!, "utf8"));
    expect(data.profile.email).toBe(student.email);
    expect(data.assignments).toEqual([expect.objectContaining({ title: "=Scales, both hands" })]);
  });
});
