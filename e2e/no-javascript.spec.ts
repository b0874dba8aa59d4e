import { expect, test } from "./fixtures";
import { uniqueEmail } from "./mail";
import { signIn } from "./session";

test.describe("forms before JavaScript has loaded", () => {
  test("a teacher signs in and sends an invitation with JavaScript off", async ({ createAccount, newPage }) => {
    // The account is made with JavaScript on; everything after is posted as plain forms.
    const teacher = await createAccount({ role: "teacher" });
    const plain = await newPage({ javaScriptEnabled: false });
    await plain.goto("/sign-in");
    await signIn(plain, teacher.email, teacher.password);

    await plain.goto("/students");
    const student = uniqueEmail("nojs-student");
    await plain.getByLabel("Student's email").fill(student);
    await plain.getByRole("button", { name: "Send invitation" }).click();
    await expect(plain.getByText(`Invitation sent to ${student}.`)).toBeVisible();
    await expect(plain.getByRole("region", { name: "Pending invitations" }).getByText(student)).toBeVisible();
  });

  test("a form over 1 MB posted with JavaScript off gets a page that says why, and the profile is unchanged", async ({
    createAccount,
    newPage,
    pageErrors,
  }) => {
    pageErrors.allow(
      /status of 413 \(Payload Too Large\)/,
      "the page answering an oversized form is a 413 on purpose, which Chromium logs",
    );
    const student = await createAccount({ role: "student" });
    const plain = await newPage({ javaScriptEnabled: false });
    await plain.goto("/sign-in");
    await signIn(plain, student.email, student.password);
    await plain.goto("/settings/profile");
    await plain.getByLabel(/^About you/).fill("Scales in thirds. ".repeat(60_000)); // about 1.08 MB
    await plain.getByRole("button", { name: "Save changes" }).click();
    await expect(plain.getByRole("heading", { level: 1, name: "That form was too large to send" })).toBeVisible();
    await plain.getByRole("link", { name: "Back to the form" }).click();
    await expect(plain.getByLabel(/^About you/)).toHaveValue("");
  });
});
