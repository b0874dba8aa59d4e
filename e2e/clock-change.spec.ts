import { openCalendar } from "./calendar";
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

test("a personal event typed across the spring-forward gap says it starts when the clocks jump, and is added", async ({
  createAccount,
  signedIn,
}) => {
  const teacher = await signedIn(await createAccount({ role: "teacher", timezone: "Europe/London" }));
  await openCalendar(teacher, "/calendar?date=2027-03-28");
  await teacher.getByRole("button", { name: "New", exact: true }).click();
  await teacher.getByRole("tab", { name: "Personal event" }).click();
  const event = teacher.getByRole("form", { name: "Add a personal event" });
  await event.getByLabel("Title").fill("Night bus to the festival");
  await event.getByLabel("Starts").fill("2027-03-28");
  await event.locator("#startTime").fill("01:30");
  await event.getByLabel("Ends").fill("2027-03-28");
  await event.locator("#endTime").fill("01:45");
  // 01:00–02:00 does not exist in London that night: the event begins at the jump and ends at 02:45.
  await expect(event.getByRole("note")).toHaveText([
    "Clocks go forward that night, so 01:30 does not exist in London: it will start at 02:00, when they do.",
    "Clocks go forward that night, so 01:45 does not exist in London: it will be 02:45.",
  ]);
  await event.locator("#endTime").fill("04:00");
  await expect(event.getByRole("note")).toHaveCount(1);
  await event.getByRole("button", { name: "Add event" }).click();
  await expect(teacher.getByRole("status").filter({ hasText: "Event added." })).toBeVisible();
});
