import { expect, test } from "./fixtures";

test("a lesson typed at a time the clocks skip says, before and after sending, which time it will be", async ({
  connectedPair,
  signedIn,
}) => {
  const pair = await connectedPair({
    teacher: { name: "Amelia Hart", timezone: "Europe/London" },
    student: { name: "Maya Chen", timezone: "Europe/London" },
  });
  const student = await signedIn(pair.student);
  await student.goto("/lessons");
  await student.getByRole("button", { name: "Request a lesson" }).click();
  const form = student.getByRole("form", { name: "Request a lesson" });
  // 28 March 2027: London's clocks go forward at 01:00.
  await form.getByLabel("Date").fill("2027-03-28");
  await form.getByLabel("Start time").fill("01:30");
  const notice = "Clocks go forward that night, so 01:30 does not exist in London: it will be 02:30.";
  await expect(form.getByRole("note")).toHaveText(notice);
  await form.getByLabel("Start time").fill("17:30");
  await expect(form.getByRole("note")).toHaveCount(0);
  await form.getByLabel("Start time").fill("01:30");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(student.getByText(`Request sent. ${notice}`)).toBeVisible();
});
