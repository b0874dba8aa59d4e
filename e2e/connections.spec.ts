import type { Page } from "@playwright/test";
import { confirmEmail, expect, submitSignUp, test } from "./fixtures";
import { linkIn, uniqueEmail } from "./mail";
import { signIn } from "./session";

function failOnDialog(page: Page) {
  page.on("dialog", (dialog) => {
    throw new Error(`Unexpected dialog: ${dialog.message()}`);
  });
}

const XSS = "<img src=x onerror=alert(1)>";

test.describe("connections", () => {
  test("a teacher invites a new student, who signs up through the link and accepts; private notes stay private", async ({
    createAccount,
    newPage,
    outbox,
    pageErrors,
  }, testInfo) => {
    // Two sign-ups, two confirmations and both sides of the story: longer than one page's worth.
    test.setTimeout(300_000);
    const teacherPage = await newPage();
    const studentPage = await newPage();
    failOnDialog(teacherPage);
    failOnDialog(studentPage);
    const teacherName = `Nadia Boulanger ${testInfo.project.name}`;
    const teacher = await createAccount({ role: "teacher", name: teacherName, confirmed: false });
    const teacherEmail = teacher.email;
    const studentEmail = uniqueEmail("invitee");
    const studentInbox = await outbox.inbox(studentEmail);

    // Unconfirmed teachers cannot invite: the teacher confirms first.
    await signIn(teacherPage, teacherEmail, teacher.password);
    await teacherPage.goto("/students");
    await expect(teacherPage.getByText("Confirm your email address to invite students")).toBeVisible();
    await confirmEmail(teacherPage, await outbox.inbox(teacherEmail, { fromFirst: true }));

    await teacherPage.goto("/students");
    await expect(teacherPage.getByText("No students yet")).toBeVisible();
    await teacherPage.getByLabel("Student's email").fill(studentEmail);
    await teacherPage.getByLabel("Personal message (optional)").fill(`Welcome! ${XSS} Bring your Czerny.`);
    await teacherPage.getByRole("button", { name: "Send invitation" }).click();
    await expect(teacherPage.getByText(`Invitation sent to ${studentEmail}.`)).toBeVisible();
    const pending = teacherPage.getByRole("region", { name: "Pending invitations" });
    await expect(pending.getByText(studentEmail)).toBeVisible();
    await expect(pending.getByText("Pending", { exact: true })).toBeVisible();
    await teacherPage.screenshot({ path: testInfo.outputPath("students-invited.png"), fullPage: true });

    const signUpLink = linkIn(await studentInbox.next(`${teacherName} invited you to MusBook`), "/sign-up?role=student&invite=");
    const token = new URL(signUpLink).searchParams.get("invite")!;
    await studentPage.goto(signUpLink);
    await expect(studentPage.getByText("Your teacher invited you")).toBeVisible();
    await submitSignUp(studentPage, {
      name: "Lili Invited",
      email: studentEmail,
      password: "moonlight sonata op twenty seven",
      timezone: "Europe/London",
    });
    await studentPage.getByRole("link", { name: "Continue to sign in" }).click();
    await expect(studentPage).toHaveURL(/\/sign-in\?callbackUrl=/);
    await signIn(studentPage, studentEmail, "moonlight sonata op twenty seven", /\/teachers\?invite=/);
    await expect(studentPage.getByRole("alert").filter({ hasText: "Confirm your email address to see your invitation" })).toBeVisible();
    await confirmEmail(studentPage, studentInbox);

    await studentPage.goto(`/teachers?invite=${token}`);
    const invitation = studentPage.getByRole("region", { name: `Invitation from ${teacherName}` });
    await expect(invitation).toContainText(`Welcome! ${XSS} Bring your Czerny.`);
    await studentPage.screenshot({ path: testInfo.outputPath("teachers-invitation.png"), fullPage: true });
    await invitation.getByRole("button", { name: "Accept" }).click();
    const yourTeachers = studentPage.getByRole("region", { name: "Your teachers" });
    await expect(yourTeachers.getByText(teacherName)).toBeVisible();
    await expect(yourTeachers.getByText(teacherEmail)).toBeVisible();

    await teacherPage.goto("/students");
    await teacherPage.getByRole("link", { name: /Lili Invited/ }).click();
    await expect(teacherPage.getByRole("heading", { level: 1, name: "Lili Invited" })).toBeVisible();
    const studentPath = new URL(teacherPage.url()).pathname;
    const secret = `Secret: nervous about the exam ${XSS}`;
    await teacherPage.getByLabel("New private note").fill(secret);
    await teacherPage.getByRole("button", { name: "Add note" }).click();
    const notes = teacherPage.getByRole("list", { name: "Notes" });
    await expect(notes.getByText(secret)).toBeVisible();
    await teacherPage.screenshot({ path: testInfo.outputPath("student-detail-new.png"), fullPage: true });

    // The student can never see it: not on their pages, not in their HTML, not at the teacher's URL.
    pageErrors.allow(
      /status of 404 \(Not Found\) \(http:\/\/[^/]+\/students\//,
      "the student is shown a 404 at the teacher's page about them",
    );
    for (const path of ["/teachers", "/dashboard", "/notifications", studentPath]) {
      const response = await studentPage.goto(path);
      expect(await response!.text()).not.toContain("nervous about the exam");
      await expect(studentPage.getByText("nervous about the exam")).toHaveCount(0);
    }
    await expect(studentPage.getByText("could not be found").or(studentPage.getByText("404"))).not.toHaveCount(0);

    await studentPage.goto("/teachers");
    await yourTeachers.getByRole("button", { name: "End connection" }).click();
    await studentPage.getByRole("group", { name: "Confirm" }).getByRole("button", { name: "End connection" }).click();
    await expect(studentPage.getByText("No teachers yet")).toBeVisible();
    await teacherPage.goto("/students");
    await expect(teacherPage.getByText("No students yet")).toBeVisible();
    await teacherPage.goto(studentPath);
    await expect(teacherPage.getByText("This connection has ended")).toBeVisible();
    await expect(teacherPage.getByText(secret)).toBeVisible();
  });

  test("a connected studio: the students list and search, a student's page and the teachers page", async ({
    page,
    connectedPair,
  }, testInfo) => {
    test.setTimeout(300_000);
    failOnDialog(page);
    const { teacher, student } = await connectedPair({ teacher: { name: "Amelia Hart" }, student: { name: "Maya Chen" } });
    await signIn(page, teacher.email, teacher.password);
    await page.goto("/students");
    const list = page.getByRole("list", { name: "Students" });
    await expect(list.getByRole("link", { name: /Maya/ })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("students.png"), fullPage: true });

    await page.getByLabel("Search students").fill("maya");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/students\?q=maya/);
    await expect(list.getByRole("link")).toHaveCount(1);
    await page.getByLabel("Search students").fill("nobody-by-this-name");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText("Nobody matches")).toBeVisible();

    await page.goto("/students?q=maya");
    await list.getByRole("link", { name: /Maya/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Maya");
    await expect(page.getByRole("heading", { name: "Private notes" })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("student-detail.png"), fullPage: true });

    await page.context().clearCookies();
    await signIn(page, student.email, student.password);
    await page.goto("/teachers");
    await expect(page.getByRole("region", { name: "Your teachers" }).getByText(teacher.name)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("teachers.png"), fullPage: true });
    await page.goto("/students");
    await expect(page).toHaveURL(/\/teachers$/);
  });
});
