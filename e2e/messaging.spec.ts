import type { Page } from "@playwright/test";
import { expect, test, type Account } from "./fixtures";

function failOnDialog(page: Page) {
  page.on("dialog", (dialog) => {
    throw new Error(`Unexpected dialog: ${dialog.message()}`);
  });
}

/** Opens the conversation with `other` from the inbox and returns its connection id. */
async function openConversation(page: Page, other: Account): Promise<string> {
  await page.goto("/messages");
  await page
    .getByRole("list", { name: "Conversations" })
    .getByRole("link", { name: new RegExp(other.name) })
    .click();
  await expect(page.getByRole("region", { name: `Conversation with ${other.name}` })).toBeVisible();
  await expect(page).toHaveURL(/\/messages\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1)!;
}

const composerOf = (page: Page) => page.getByRole("textbox", { name: /^Message / });
const bodiesOf = (page: Page) => page.getByRole("list", { name: "Messages" }).getByTestId("message-body");

async function send(page: Page, text: string) {
  await composerOf(page).fill(text);
  await composerOf(page).press("Enter");
  await expect(composerOf(page)).toHaveValue("");
}

test.describe("messaging", () => {
  test("messages, typing and read receipts arrive live between a teacher and a student in different zones; markup stays text", async ({
    connectedPair,
    signedIn,
  }, testInfo) => {
    test.setTimeout(300_000);
    const { teacher, student } = await connectedPair({
      teacher: { name: "Maya Teacher", timezone: "Europe/London" },
      student: { name: "Sam Student", timezone: "America/New_York" },
    });
    const teacherPage = await signedIn(teacher);
    const studentPage = await signedIn(student);
    failOnDialog(teacherPage);
    failOnDialog(studentPage);

    await openConversation(teacherPage, student);
    await expect(teacherPage.getByText("Say hello to Sam")).toBeVisible();
    await studentPage.goto("/messages");
    const studentRow = studentPage.getByRole("list", { name: "Conversations" }).getByRole("link", { name: /Maya Teacher/ });
    await expect(studentRow).toContainText("No messages yet");

    // The student's inbox follows without a reload: preview and unread count.
    await send(teacherPage, "Running 10 minutes late, sorry!");
    await expect(bodiesOf(teacherPage)).toHaveText(["Running 10 minutes late, sorry!"]);
    await expect(studentRow).toContainText("Running 10 minutes late, sorry!");
    await expect(studentRow.getByLabel("1 unread")).toBeVisible();
    await expect(studentPage.getByRole("link", { name: "Messages, 1 unread" })).toBeVisible();
    await expect(teacherPage.getByText("Seen")).toHaveCount(0);

    // Opening the thread reads it: "Seen" appears on the teacher's side.
    await studentRow.click();
    await expect(bodiesOf(studentPage)).toHaveText(["Running 10 minutes late, sorry!"]);
    await expect(teacherPage.getByText("Seen")).toBeVisible();
    await expect(studentPage.getByRole("link", { name: /Maya Teacher/ }).getByLabel("1 unread")).toHaveCount(0);
    await expect(studentPage.getByRole("link", { name: "Messages", exact: true })).toBeVisible();

    // Typing shows on the other side, then the reply arrives live.
    await composerOf(studentPage).pressSequentially("No problem", { delay: 50 });
    await expect(teacherPage.getByText("Sam is typing…")).toBeVisible();
    await composerOf(studentPage).press("Enter");
    await expect(bodiesOf(teacherPage)).toHaveText(["Running 10 minutes late, sorry!", "No problem"]);
    await expect(teacherPage.getByText("Sam is typing…")).toHaveCount(0);

    // Markup and script URLs arrive as text; only the https link is a link, opened safely.
    const markup = "<img src=x onerror=alert(1)>";
    await send(teacherPage, `${markup} javascript:alert(1) and the score: https://example.com/score`);
    const lastOnStudent = bodiesOf(studentPage).last();
    await expect(lastOnStudent).toHaveText(`${markup} javascript:alert(1) and the score: https://example.com/score`);
    await expect(lastOnStudent.locator("img")).toHaveCount(0);
    const link = lastOnStudent.getByRole("link");
    await expect(link).toHaveCount(1);
    await expect(link).toHaveAttribute("href", "https://example.com/score");
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");

    // Edits and deletions reach the other side in place.
    // The first of the teacher's own messages carries the first options button.
    const openOptions = async () => {
      await bodiesOf(teacherPage).first().hover();
      await teacherPage.getByRole("button", { name: "Message options" }).first().click();
    };
    await openOptions();
    await teacherPage.getByRole("menuitem", { name: "Edit" }).click();
    await teacherPage.getByRole("textbox", { name: "Edited message" }).fill("Running 15 minutes late, sorry!");
    await teacherPage.getByRole("button", { name: "Save" }).click();
    await expect(bodiesOf(studentPage).first()).toHaveText("Running 15 minutes late, sorry!");
    await expect(studentPage.getByText("· edited")).toBeVisible();
    await openOptions();
    await teacherPage.getByRole("menuitem", { name: "Delete" }).click();
    await teacherPage.getByRole("group", { name: "Confirm delete" }).getByRole("button", { name: "Delete" }).click();
    await expect(bodiesOf(studentPage).first()).toHaveText("Message deleted");

    // Each side sees times on its own wall clock: the day separators say "Today" for both here.
    await expect(teacherPage.getByText("Today", { exact: true })).toBeVisible();
    await expect(studentPage.getByText("Today", { exact: true })).toBeVisible();
    await teacherPage.screenshot({ path: testInfo.outputPath("teacher-thread.png") });
    await studentPage.screenshot({ path: testInfo.outputPath("student-thread.png") });
  });

  test("nothing is lost while the student is offline, edits included, and a double-clicked send makes one message", async ({
    connectedPair,
    signedIn,
    pageErrors,
  }) => {
    // Thirty-six sends, two reloads and an offline spell: on a machine busy with builds this has taken over five minutes.
    test.setTimeout(600_000);
    pageErrors.allow(
      /net::ERR_INTERNET_DISCONNECTED/,
      "the student's browser is offline on purpose: its link prefetches fail until it is back",
    );
    const { teacher, student } = await connectedPair({ student: { timezone: "Asia/Tokyo" } });
    const teacherPage = await signedIn(teacher);
    const studentPage = await signedIn(student);
    await openConversation(teacherPage, student);
    await openConversation(studentPage, teacher);

    await send(teacherPage, "Are you online?");
    await expect(bodiesOf(studentPage)).toHaveText(["Are you online?"]);

    await studentPage.context().setOffline(true);
    const missed = [1, 2, 3, 4, 5].map((n) => `While you were away ${n}`);
    for (const text of missed) await send(teacherPage, text);
    await expect(teacherPage.getByText("Sending…")).toHaveCount(0);
    // An edit made meanwhile reaches the student too, without a reload.
    await bodiesOf(teacherPage).first().hover();
    await teacherPage.getByRole("button", { name: "Message options" }).first().click();
    await teacherPage.getByRole("menuitem", { name: "Edit" }).click();
    await teacherPage.getByRole("textbox", { name: "Edited message" }).fill("Are you online now?");
    await teacherPage.getByRole("button", { name: "Save" }).click();
    await expect(bodiesOf(teacherPage).first()).toHaveText("Are you online now?");
    await studentPage.context().setOffline(false);
    await expect(bodiesOf(studentPage)).toHaveText(["Are you online now?", ...missed]);

    // Two clicks on Send, one message: on screen now, and in the database after a reload.
    await composerOf(teacherPage).fill("Just once, please");
    await teacherPage.getByRole("button", { name: "Send" }).dblclick();
    await expect(bodiesOf(studentPage).filter({ hasText: "Just once, please" })).toHaveCount(1);
    await expect(bodiesOf(teacherPage).filter({ hasText: "Just once, please" })).toHaveCount(1);
    await teacherPage.reload();
    await expect(bodiesOf(teacherPage)).toHaveText(["Are you online now?", ...missed, "Just once, please"]);

    // A longer history comes in pages: scrolling to the top loads the older one and keeps the reader's place.
    const scales = Array.from({ length: 30 }, (_, index) => `Scale ${index + 1}`);
    for (const text of scales) await send(teacherPage, text);
    // The browser runs one server action at a time: thirty sends take a while on a busy machine.
    await expect(teacherPage.getByText("Sending…")).toHaveCount(0, { timeout: 90_000 });
    await expect(bodiesOf(studentPage).last()).toHaveText("Scale 30");
    await studentPage.reload();
    await expect(bodiesOf(studentPage)).toHaveCount(30);
    await expect(studentPage.getByRole("button", { name: "Load earlier messages" })).toBeVisible();
    const firstShown = bodiesOf(studentPage).first();
    await expect(firstShown).toHaveText("Scale 1");
    await studentPage.getByTestId("thread-scroller").evaluate((element) => element.scrollTo({ top: 0 }));
    await expect(bodiesOf(studentPage)).toHaveText(["Are you online now?", ...missed, "Just once, please", ...scales]);
    await expect(studentPage.getByText("This is the start of your conversation")).toBeAttached();
    await expect(bodiesOf(studentPage).filter({ hasText: /^Scale 1$/ })).toBeInViewport();
  });

  test("the dashboard lists unread conversations until they are read", async ({ connectedPair, signedIn }) => {
    const { teacher, student } = await connectedPair({ teacher: { name: "Ada Teacher" } });
    const teacherPage = await signedIn(teacher);
    const studentPage = await signedIn(student);
    await openConversation(teacherPage, student);
    await send(teacherPage, "Bring the Grade 5 book tomorrow");
    await expect(teacherPage.getByText("Sending…")).toHaveCount(0);

    await studentPage.goto("/dashboard");
    const card = studentPage.getByRole("region", { name: "Unread messages" });
    const row = card.getByRole("link", { name: /Ada Teacher/ });
    await expect(row).toContainText("Bring the Grade 5 book tomorrow");
    await expect(row.getByLabel("1 unread")).toBeVisible();
    await row.click();
    await expect(bodiesOf(studentPage)).toHaveText(["Bring the Grade 5 book tomorrow"]);
    // The read is stored once the teacher's open thread says so.
    await expect(teacherPage.getByText("Seen")).toBeVisible();
    await studentPage.goto("/dashboard");
    await expect(card).toContainText("You’re all caught up.");
  });

  test("a student whose teacher paused messaging sees a read-only banner, live, and has no composer", async ({
    connectedPair,
    signedIn,
  }) => {
    test.setTimeout(300_000);
    const { teacher, student } = await connectedPair();

    // The composer is a plain form too: without JavaScript it posts and the page shows the message.
    const plain = await signedIn(student, { javaScriptEnabled: false });
    await openConversation(plain, teacher);
    await composerOf(plain).fill("Sent without JavaScript");
    await plain.getByRole("button", { name: "Send" }).click();
    await expect(bodiesOf(plain)).toHaveText(["Sent without JavaScript"]);
    await plain.context().close();

    const studentPage = await signedIn(student);
    const connectionId = await openConversation(studentPage, teacher);
    await expect(bodiesOf(studentPage)).toHaveText(["Sent without JavaScript"]);
    await expect(composerOf(studentPage)).toBeVisible();

    const teacherPage = await signedIn(teacher);
    await teacherPage.goto(`/students/${connectionId}`);
    await teacherPage.getByRole("button", { name: "Pause messaging" }).click();

    // The student's open thread switches without a reload (a limit, not a wait: the lock is an action on a shared machine).
    const banner = studentPage.getByRole("status").filter({ hasText: "has made messages read-only" });
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(teacherPage.getByRole("button", { name: "Turn messaging on" })).toBeVisible({ timeout: 30_000 });
    await expect(composerOf(studentPage)).toHaveCount(0);
    await studentPage.reload();
    await expect(banner).toBeVisible();
    await expect(composerOf(studentPage)).toHaveCount(0);

    // The teacher can still write, and the student still reads it.
    await teacherPage.getByRole("link", { name: "Message", exact: true }).click();
    await send(teacherPage, "Back on Monday");
    await expect(bodiesOf(studentPage)).toHaveText(["Sent without JavaScript", "Back on Monday"]);
  });
});
