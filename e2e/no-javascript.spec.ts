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
});
