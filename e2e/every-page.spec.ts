import type { BrowserContextOptions, Page, TestInfo } from "@playwright/test";
import { DAY, formatIsoDate } from "../lib/time";
import { pageRoutes } from "../tests/app-routes";
import { expect, test, type Account } from "./fixtures";

// The longest names the sign-up form takes (100 characters), with a 35-letter word that cannot wrap.
const TEACHER = { name: "Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Zeus Igor Marcel Ozymandias Quentin Yancy Xavierus" };
const STUDENT = { name: "Maria Anna Walburga Ignatia Mozartwolfeschlegelsteinhausenberger Salzburg Wien und Augsburg Amadea" };

const SIZES: Record<string, BrowserContextOptions> = {
  "390×844": { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  "1440×900": { viewport: { width: 1440, height: 900 } },
};

/** Benchmark pages exist only in a benchmark run. */
const BENCHMARK_PAGES = ["/bench/shell", "/bench/reference"];

/** The pages with an id in their path, as a teacher and their student both see them. */
interface StudioPaths {
  connection: string;
  lesson: string;
  assignment: string;
  conversation: string;
}

const SHARED = (studio: StudioPaths) => [
  "/dashboard",
  "/calendar",
  "/lessons",
  studio.lesson,
  "/assignments",
  studio.assignment,
  "/messages",
  studio.conversation,
];
const SETTINGS = ["/notifications", "/settings", "/settings/profile", "/settings/security", "/settings/notifications", "/settings/data"];
const PAGES = {
  teacher: (studio: StudioPaths) => [...SHARED(studio), ...SETTINGS, "/lessons/term", "/assignments/new", "/students", studio.connection],
  student: (studio: StudioPaths) => [...SHARED(studio), ...SETTINGS, "/practice", "/teachers"],
  visitor: (mail: string) => [
    "/",
    "/sign-in",
    "/sign-up",
    "/forgot-password",
    "/reset-password",
    "/verify-email",
    "/sign-in/verify",
    "/offline",
    "/dev/mail",
    mail,
  ],
};

/** One size per project: the phone project checks 390 px, the desktop project 1440 px. */
const sizeOf = (testInfo: TestInfo) => (testInfo.project.name === "phone" ? "390×844" : "1440×900");

async function overflowOf(page: Page, path: string): Promise<number> {
  await page.goto(path);
  await expect(page.locator("main:visible, h1:visible").first()).toBeVisible();
  if (path.startsWith("/calendar")) await expect(page.locator(".mb-calendar").getByRole("button", { name: /^Next / })).toBeVisible();
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function overflowing(page: Page, paths: string[], label: string): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const overflow = await overflowOf(page, path);
    if (overflow > 0) found.push(`${label} ${path}: ${overflow} px too wide`);
  }
  return found;
}

/** The teacher books a lesson directly and sets an assignment, so every page with an id has one to show. */
async function studioWithEveryPage(teacherPage: Page): Promise<StudioPaths> {
  return test.step("the teacher books a lesson directly and sets an assignment", async () => {
    await teacherPage.goto("/students");
    const studentLink = teacherPage.getByRole("link", { name: STUDENT.name }).first();
    const connection = (await studentLink.getAttribute("href"))!;
    await studentLink.click();
    await teacherPage.getByRole("button", { name: "Book lessons directly" }).click();
    await expect(teacherPage.getByText(/^Direct: lessons you set up are booked at once/)).toBeVisible();

    await teacherPage.goto("/lessons");
    await teacherPage.getByRole("button", { name: "New lesson" }).click();
    const form = teacherPage.getByRole("form", { name: "Book a lesson" });
    await form.getByLabel("Student").selectOption({ label: STUDENT.name });
    await form.getByLabel("Date", { exact: true }).fill(formatIsoDate(new Date(Date.now() + 5 * DAY), "Europe/London"));
    await form.getByLabel("Start time").fill("16:00");
    await form.getByLabel("Length (minutes)").fill("45");
    await form.getByRole("button", { name: "Book lesson" }).click();
    await expect(teacherPage.getByRole("status").filter({ hasText: "Lesson booked." })).toBeVisible();
    const lesson = (await teacherPage.locator('a[href^="/lessons/"]').filter({ hasText: "16:00" }).first().getAttribute("href"))!;

    await teacherPage.goto("/assignments/new");
    await teacherPage.getByLabel("Title").fill("Scales: G and D major, two octaves, hands together");
    await teacherPage.getByLabel("Due date").fill(formatIsoDate(new Date(Date.now() + 3 * DAY), "Europe/London"));
    await teacherPage.getByLabel("Due time").fill("18:00");
    await teacherPage.getByRole("button", { name: "Set assignment" }).click();
    await expect(teacherPage).toHaveURL(/\/assignments\/[0-9a-f-]{36}$/);
    const assignment = new URL(teacherPage.url()).pathname;
    return { connection, lesson, assignment, conversation: connection.replace("/students/", "/messages/") };
  });
}

// One test a person, each with a studio of its own, so no single test carries some seventy page loads.
for (const who of ["teacher", "student"] as const) {
  test(`every page fits the ${who} with the longest names, at 390 px (phone project) and 1440 px (desktop project)`, async ({
    connectedPair,
    signedIn,
  }, testInfo) => {
    const size = sizeOf(testInfo);
    const pair = await connectedPair({ teacher: TEACHER, student: STUDENT });
    const setup = await signedIn(pair.teacher);
    const studio = await studioWithEveryPage(setup);
    await setup.context().close();

    const account: Account = who === "teacher" ? pair.teacher : pair.student;
    const page = await signedIn(account, SIZES[size]);
    expect(await overflowing(page, PAGES[who](studio), `${who} at ${size}`)).toEqual([]);
  });
}

test("every page fits a visitor, at 390 px (phone project) and 1440 px (desktop project)", async ({
  connectedPair,
  newPage,
  pageErrors,
}, testInfo) => {
  const size = sizeOf(testInfo);
  pageErrors.allow(
    /^console error: Blocked script execution in 'about:srcdoc'/,
    "the mail outbox shows each email in a frame sandboxed without scripts on purpose; Chromium sometimes logs this for it",
  );
  // The invitation is an email in the outbox, for the page that shows one.
  const { student } = await connectedPair({ teacher: TEACHER, student: STUDENT });
  const page = await newPage(SIZES[size]);
  await page.goto(`/dev/mail?to=${encodeURIComponent(student.email)}`);
  const mail = (await page.locator('a[href^="/dev/mail/"]').first().getAttribute("href"))!;
  expect(await overflowing(page, PAGES.visitor(mail), `visitor at ${size}`)).toEqual([]);
});

test("the tests above visit every page route", () => {
  const id = "00000000-0000-4000-8000-000000000000";
  const studio = {
    connection: `/students/${id}`,
    lesson: `/lessons/${id}`,
    assignment: `/assignments/${id}`,
    conversation: `/messages/${id}`,
  };
  const visited = [...PAGES.teacher(studio), ...PAGES.student(studio), ...PAGES.visitor(`/dev/mail/${id}`)];
  const unvisited = pageRoutes()
    .filter((route) => ![...visited, ...BENCHMARK_PAGES].some((path) => route.test(path)))
    .map((route) => route.source);
  expect(unvisited, "page routes these tests do not visit").toEqual([]);
});
