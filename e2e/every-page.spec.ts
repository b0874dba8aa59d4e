import type { BrowserContextOptions, Page } from "@playwright/test";
import { DAY, formatIsoDate } from "../lib/time";
import { pageRoutes } from "../tests/app-routes";
import { expect, test } from "./fixtures";

// The longest names the sign-up form takes (100 characters), with a 35-letter word that cannot wrap.
const TEACHER = { name: "Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Zeus Igor Marcel Ozymandias Quentin Yancy Xavierus" };
const STUDENT = { name: "Maria Anna Walburga Ignatia Mozartwolfeschlegelsteinhausenberger Salzburg Wien und Augsburg Amadea" };

const SIZES: Record<string, BrowserContextOptions> = {
  "390×844": { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  "1440×900": { viewport: { width: 1440, height: 900 } },
};

/** Benchmark pages exist only in a benchmark run. */
const BENCHMARK_PAGES = ["/bench/shell", "/bench/reference"];

async function overflowOf(page: Page, path: string): Promise<number> {
  await page.goto(path);
  await expect(page.locator("main:visible, h1:visible").first()).toBeVisible();
  if (path.startsWith("/calendar")) await expect(page.locator(".mb-calendar").getByRole("button", { name: /^Next / })).toBeVisible();
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test("every page fits a 390 px phone (phone project) and a 1440 px desktop (desktop project), for a teacher, a student and a visitor, with the longest names", async ({
  connectedPair,
  signedIn,
  newPage,
  pageErrors,
}, testInfo) => {
  // One size per project, so the two halves of some seventy page loads run side by side.
  const size = testInfo.project.name === "phone" ? "390×844" : "1440×900";
  const options = SIZES[size]!;
  pageErrors.allow(
    /^console error: Blocked script execution in 'about:srcdoc'/,
    "the mail outbox shows each email in a frame sandboxed without scripts on purpose; Chromium sometimes logs this for it",
  );
  const pair = await connectedPair({ teacher: TEACHER, student: STUDENT });
  const setup = await signedIn(pair.teacher);

  const connectionPath = await test.step("the teacher books a lesson directly and sets an assignment", async () => {
    await setup.goto("/students");
    const studentLink = setup.getByRole("link", { name: STUDENT.name }).first();
    const connectionPath = (await studentLink.getAttribute("href"))!;
    await studentLink.click();
    await setup.getByRole("button", { name: "Book lessons directly" }).click();
    await expect(setup.getByText(/^Direct: lessons you set up are booked at once/)).toBeVisible();

    await setup.goto("/lessons");
    await setup.getByRole("button", { name: "New lesson" }).click();
    const form = setup.getByRole("form", { name: "Book a lesson" });
    await form.getByLabel("Student").selectOption({ label: STUDENT.name });
    await form.getByLabel("Date", { exact: true }).fill(formatIsoDate(new Date(Date.now() + 5 * DAY), "Europe/London"));
    await form.getByLabel("Start time").fill("16:00");
    await form.getByLabel("Length (minutes)").fill("45");
    await form.getByRole("button", { name: "Book lesson" }).click();
    await expect(setup.getByRole("status").filter({ hasText: "Lesson booked." })).toBeVisible();

    await setup.goto("/assignments/new");
    await setup.getByLabel("Title").fill("Scales: G and D major, two octaves, hands together");
    await setup.getByLabel("Due date").fill(formatIsoDate(new Date(Date.now() + 3 * DAY), "Europe/London"));
    await setup.getByLabel("Due time").fill("18:00");
    await setup.getByRole("button", { name: "Set assignment" }).click();
    await expect(setup).toHaveURL(/\/assignments\/[0-9a-f-]{36}$/);
    return connectionPath;
  });
  const assignmentPath = new URL(setup.url()).pathname;
  await setup.goto("/lessons");
  const lessonPath = (await setup.locator('a[href^="/lessons/"]').filter({ hasText: "16:00" }).first().getAttribute("href"))!;
  const conversationPath = connectionPath.replace("/students/", "/messages/");
  await setup.goto("/dev/mail");
  const mailPath = (await setup.locator('a[href^="/dev/mail/"]').first().getAttribute("href"))!;
  await setup.close();

  const shared = ["/dashboard", "/calendar", "/lessons", lessonPath, "/assignments", assignmentPath, "/messages", conversationPath];
  const settings = ["/notifications", "/settings", "/settings/profile", "/settings/security", "/settings/notifications", "/settings/data"];
  const pages = {
    teacher: [...shared, ...settings, "/lessons/term", "/assignments/new", "/students", connectionPath],
    student: [...shared, ...settings, "/practice", "/teachers"],
    visitor: [
      "/",
      "/sign-in",
      "/sign-up",
      "/forgot-password",
      "/reset-password",
      "/verify-email",
      "/sign-in/verify",
      "/offline",
      "/dev/mail",
      mailPath,
    ],
  };

  const overflowing: string[] = [];
  for (const [who, paths] of Object.entries(pages)) {
    await test.step(`${who} at ${size}`, async () => {
      const page = who === "visitor" ? await newPage(options) : await signedIn(who === "teacher" ? pair.teacher : pair.student, options);
      for (const path of paths) {
        const overflow = await overflowOf(page, path);
        if (overflow > 0) overflowing.push(`${who} ${path} at ${size}: ${overflow} px too wide`);
      }
      await page.context().close();
    });
  }
  expect(overflowing).toEqual([]);

  const visited = Object.values(pages).flat();
  const unvisited = pageRoutes()
    .filter((route) => ![...visited, ...BENCHMARK_PAGES].some((path) => route.test(path)))
    .map((route) => route.source);
  expect(unvisited, "page routes this test does not visit").toEqual([]);
});
