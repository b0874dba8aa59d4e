import type { Browser, Page } from "@playwright/test";
import { addLocalDays, formatDateTime, formatFullDateTime, formatIsoDate, formatTime, HOUR, utcToZoned, WEEK, zonedToUtc, type LocalDateTime } from "../lib/time";
import { expect, test } from "./fixtures";
import { signIn } from "./session";

/**
 * The demo teacher (London) and student (Toronto) are already connected. Tests use them read-only where
 * they can and book only Sundays (free for both in the seed), on weeks that differ per project so the
 * parallel desktop and phone runs never compete for a slot; everything booked is cancelled at the end.
 */
const TEACHER = { email: "amelia@demo.musbook.app", name: "Amelia Hart", zone: "Europe/London" };
const STUDENT = { email: "maya@demo.musbook.app", name: "Maya Chen", zone: "America/Toronto" };
const LESSONS = 6;

test.describe.configure({ mode: "serial" });

async function signedIn(browser: Browser, person: { email: string; zone: string }, phone: boolean): Promise<Page> {
  const context = await browser.newContext({
    timezoneId: person.zone,
    locale: "en-GB",
    viewport: phone ? { width: 412, height: 915 } : { width: 1280, height: 900 },
    isMobile: phone,
    hasTouch: phone,
  });
  const page = await context.newPage();
  await signIn(page, person.email);
  return page;
}

const pad = (value: number) => String(value).padStart(2, "0");
const isoDate = (local: LocalDateTime) => `${local.year}-${pad(local.month)}-${pad(local.day)}`;

/** The Sunday `weeks` weeks from now, in the student's zone, at a given wall time there. */
function sundayIn(zone: string, weeks: number, hour: number): LocalDateTime {
  const today = utcToZoned(new Date(), zone);
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  return { ...addLocalDays(today, 7 * weeks + ((7 - weekday) % 7 || 7)), hour, minute: 0 };
}

test("a student's weekly series, approved by the teacher, shows at each person's local time; a dragged move, attendance and the feed", async ({ browser, request }, testInfo) => {
  test.setTimeout(240_000);
  const phone = testInfo.project.name === "phone";
  // Desktop books Sundays 7–12 weeks ahead, the phone project 14–19 weeks ahead (across both DST changes).
  const first = sundayIn(STUDENT.zone, phone ? 14 : 7, phone ? 12 : 10);
  const instants = Array.from({ length: LESSONS }, (_, index) => zonedToUtc(first, STUDENT.zone).getTime() + index * WEEK);
  // The series keeps the teacher's wall time, so later instants follow London's clock, not Toronto's.
  const londonFirst = utcToZoned(new Date(instants[0]!), TEACHER.zone);
  const lessons = Array.from({ length: LESSONS }, (_, index) => zonedToUtc(addLocalDays(londonFirst, 7 * index), TEACHER.zone));

  const student = await signedIn(browser, STUDENT, phone);
  const teacher = await signedIn(browser, TEACHER, phone);

  await test.step("the student asks for six weekly lessons, typed in Toronto time", async () => {
    await student.goto("/lessons");
    await student.getByRole("button", { name: "Request a lesson" }).click();
    const form = student.getByRole("form", { name: "Request a lesson" });
    await expect(form.getByText(/^Your time: Toronto \(GMT-[45]\)$/)).toBeVisible();
    await form.getByLabel("Teacher").selectOption({ label: TEACHER.name });
    await form.getByLabel("Date").fill(isoDate(first));
    await form.getByLabel("Start time").fill(`${pad(first.hour)}:00`);
    await form.getByLabel("Length (minutes)").fill("45");
    await form.getByLabel("Repeat").selectOption("weekly");
    await form.getByLabel("Number of lessons").fill(String(LESSONS));
    await form.getByLabel(/Note/).fill("Scales; arpeggios, and <script>alert(1)</script>");
    await form.getByRole("button", { name: "Send request" }).click();
    await expect(student.getByRole("listitem", { name: `Your request to ${TEACHER.name}` }).filter({ hasText: formatDateTime(lessons[0]!, STUDENT.zone) })).toBeVisible();
  });

  await test.step("the teacher approves it", async () => {
    await teacher.goto("/lessons");
    const item = teacher.getByRole("listitem", { name: `Request from ${STUDENT.name}` }).filter({ hasText: formatDateTime(lessons[0]!, TEACHER.zone) });
    await expect(item).toContainText("weekly, 6 lessons");
    await expect(item).toContainText("<script>alert(1)</script>");
    await item.getByRole("button", { name: "Approve" }).click();
    await expect(item).toHaveCount(0);
    await teacher.screenshot({ path: testInfo.outputPath("lessons-teacher.png") });
  });

  /** An event on the calendar: FullCalendar names each one "10:00 – 10:45 Lesson with …". */
  const eventAt = (page: Page, zone: string, instant: Date, otherName: string) =>
    page.locator(".mb-calendar").getByRole("button", { name: new RegExp(`^${formatTime(instant, zone)}\\b.*Lesson with ${otherName}`) });

  /** Walks the calendar week by week from the first lesson and checks each one at the viewer's local time. */
  async function expectOnCalendar(page: Page, zone: string, otherName: string) {
    await page.goto(`/calendar?date=${formatIsoDate(lessons[0]!, zone)}`);
    for (const [index, lesson] of lessons.entries()) {
      await expect(eventAt(page, zone, lesson, otherName)).toBeVisible();
      if (index < lessons.length - 1) await page.getByRole("button", { name: /next/i }).first().click();
    }
  }

  /** Opens a lesson's page from the calendar (the lessons page lists only the next few). */
  async function openLesson(page: Page, zone: string, instant: Date, otherName: string) {
    await page.goto(`/calendar?date=${formatIsoDate(instant, zone)}`);
    await eventAt(page, zone, instant, otherName).click();
    await page.getByRole("link", { name: "Open the lesson" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(formatFullDateTime(instant, zone));
  }

  // Selecting by dragging across the week grid is a desktop gesture; phones get the list view.
  if (!phone) await test.step("selecting a free slot adds a personal event that only its owner sees", async () => {
    const saturday = addLocalDays(londonFirst, -1);
    await teacher.goto(`/calendar?date=${isoDate(saturday)}`);
    const calendar = teacher.locator(".mb-calendar");
    const column = (await calendar.getByText(`Sat ${saturday.day}`, { exact: true }).boundingBox())!;
    const ten = (await calendar.getByText("10:00", { exact: true }).boundingBox())!;
    const eleven = (await calendar.getByText("11:00", { exact: true }).boundingBox())!;
    const x = column.x + column.width / 2;
    await teacher.mouse.move(x, ten.y + 6);
    await teacher.mouse.down();
    await teacher.mouse.move(x, (ten.y + eleven.y) / 2, { steps: 4 });
    await teacher.mouse.move(x, eleven.y - 6, { steps: 4 });
    await teacher.mouse.up();
    await teacher.getByRole("tab", { name: "Personal event" }).click();
    const form = teacher.getByRole("form", { name: "Add a personal event" });
    await expect(form.getByLabel("Starts")).toHaveValue(isoDate(saturday));
    await form.getByLabel("Title").fill("Choir rehearsal");
    await form.getByRole("button", { name: "Add event" }).click();
    await expect(calendar.getByRole("button", { name: /^10:00\b.*Choir rehearsal/ })).toBeVisible();
    await teacher.screenshot({ path: testInfo.outputPath("calendar-event-desktop.png") });
  });

  await test.step("both calendars show every lesson at their own local time", async () => {
    // This week, full of the demo studio's lessons: the screenshots a customer would see.
    await teacher.goto("/calendar");
    await expect(teacher.locator(".mb-calendar").getByRole("button", { name: /Lesson with/ }).first()).toBeVisible();
    await teacher.screenshot({ path: testInfo.outputPath(phone ? "calendar-list-phone.png" : "calendar-week-desktop.png"), fullPage: phone });
    await expectOnCalendar(teacher, TEACHER.zone, STUDENT.name);
    await expectOnCalendar(student, STUDENT.zone, TEACHER.name);
    await student.goto(`/calendar?date=${formatIsoDate(lessons[0]!, STUDENT.zone)}`);
    await expect(eventAt(student, STUDENT.zone, lessons[0]!, TEACHER.name)).toBeVisible();
    await expect(student.locator(".mb-calendar")).not.toContainText("Choir rehearsal");
    expect(new Set(lessons.map((lesson) => formatTime(lesson, TEACHER.zone))).size).toBe(1);
  });

  await test.step("the teacher proposes a new time (by dragging on desktop); the student accepts", async () => {
    const target = new Date(lessons[0]!.getTime() + HOUR);
    await teacher.goto(`/calendar?date=${formatIsoDate(lessons[0]!, TEACHER.zone)}`);
    if (!phone) {
      const calendar = teacher.locator(".mb-calendar");
      const event = eventAt(teacher, TEACHER.zone, lessons[0]!, STUDENT.name);
      await expect(event).toBeVisible();
      const from = calendar.getByText(`${formatTime(lessons[0]!, TEACHER.zone).slice(0, 2)}:00`, { exact: true }).first();
      const to = calendar.getByText(`${formatTime(target, TEACHER.zone).slice(0, 2)}:00`, { exact: true }).first();
      const hour = (await to.boundingBox())!.y - (await from.boundingBox())!.y;
      const box = (await event.boundingBox())!;
      await teacher.mouse.move(box.x + box.width / 2, box.y + 4);
      await teacher.mouse.down();
      await teacher.mouse.move(box.x + box.width / 2, box.y + 4 + hour / 2, { steps: 5 });
      await teacher.mouse.move(box.x + box.width / 2, box.y + 4 + hour, { steps: 5 });
      await teacher.mouse.up();
      await expect(teacher.getByRole("status").filter({ hasText: "Proposal sent." })).toBeVisible();
    } else {
      await openLesson(teacher, TEACHER.zone, lessons[0]!, STUDENT.name);
      await teacher.getByRole("button", { name: "Propose new time" }).click();
      await teacher.getByLabel("New start time").fill(formatTime(target, TEACHER.zone));
      await teacher.getByRole("button", { name: "Send proposal" }).click();
      await expect(teacher.getByText("You proposed a new time")).toBeVisible();
    }

    await student.goto("/lessons");
    const proposal = student.getByRole("listitem", { name: `Proposed move of the lesson with ${TEACHER.name}` }).filter({ hasText: formatDateTime(target, STUDENT.zone) });
    await expect(proposal).toContainText(formatDateTime(lessons[0]!, STUDENT.zone));
    await proposal.getByRole("button", { name: "Accept new time" }).click();
    await expect(proposal).toHaveCount(0);

    await student.goto(`/calendar?date=${formatIsoDate(target, STUDENT.zone)}`);
    await expect(eventAt(student, STUDENT.zone, target, TEACHER.name)).toBeVisible();
    lessons[0] = target;
  });

  await test.step("attendance marked by the teacher is visible to the student", async () => {
    await teacher.goto("/lessons");
    const recent = teacher.getByRole("list", { name: "Recent lessons" }).getByRole("listitem").filter({ hasText: STUDENT.name });
    // Each project corrects a different past lesson, so the parallel runs do not overwrite each other.
    const row = recent.nth(phone ? 1 : 0);
    const href = await row.getByRole("link").first().getAttribute("href");
    await row.getByRole("radio", { name: "Excused" }).click();
    await expect(row.getByRole("radio", { name: "Excused" })).toHaveAttribute("aria-checked", "true");
    await student.goto(href!);
    await expect(student.getByText("Excused", { exact: true })).toBeVisible();
  });

  await test.step("the iCalendar feed parses and holds the lessons", async () => {
    // Desktop reads the teacher's feed and the phone project the student's: a new link replaces the old one.
    const owner = phone ? student : teacher;
    await owner.goto("/calendar");
    await owner.getByRole("button", { name: /feed link/ }).click();
    const url = await owner.getByLabel("Calendar feed URL").inputValue();
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/calendar");
    const ics = (await response.text()).replace(/\r\n[ \t]/g, "");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(ics.trimEnd()).toMatch(/END:VCALENDAR$/);
    const stamp = (instant: Date) => instant.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    for (const lesson of lessons) expect(ics).toContain(`DTSTART:${stamp(lesson)}`);
    expect(ics).toContain("DESCRIPTION:Scales\\; arpeggios\\, and <script>alert(1)</script>");
  });

  await test.step("clean up: the teacher ends the series", async () => {
    await openLesson(teacher, TEACHER.zone, lessons[0]!, STUDENT.name);
    await teacher.getByRole("button", { name: "Cancel lesson" }).click();
    await teacher.getByLabel("Reason").fill("End of the e2e run");
    await teacher.getByLabel("Also cancel every later lesson of this series").check();
    await teacher.getByRole("form", { name: "Cancel the lesson" }).getByRole("button", { name: "Cancel lesson" }).click();
    await expect(teacher.getByText(/Cancelled on/)).toBeVisible();
  });

  await student.context().close();
  await teacher.context().close();
});

test("FullCalendar loads only on /calendar, within the 260 KiB gzip budget", async ({ page, browser }, testInfo) => {
  test.skip(testInfo.project.name === "phone", "one measurement is enough");
  const { gzipSync } = await import("node:zlib");
  await signIn(page, TEACHER.email);
  const storageState = await page.context().storageState();
  /** All scripts a first visit loads (a fresh context: nothing cached), gzipped as a server would send them. */
  async function scriptBytes(path: string, ready: (page: Page) => Promise<void>) {
    const context = await browser.newContext({ storageState });
    const visit = await context.newPage();
    const bodies: Promise<Buffer>[] = [];
    visit.on("response", (response) => {
      if (response.request().resourceType() === "script") bodies.push(response.body());
    });
    await visit.goto(path);
    await ready(visit);
    await visit.waitForLoadState("networkidle");
    const scripts = await Promise.all(bodies);
    await context.close();
    return {
      gzip: scripts.reduce((sum, body) => sum + gzipSync(body).length, 0),
      fullCalendar: scripts.some((body) => body.includes("headless-calendar") || body.includes("fc-classic")),
    };
  }
  const dashboard = await scriptBytes("/dashboard", async (visit) => expect(visit.getByRole("heading", { level: 1 })).toBeVisible());
  const calendar = await scriptBytes("/calendar", async (visit) => expect(visit.locator(".mb-calendar").getByRole("button", { name: "Week" }).first()).toBeVisible());
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`[budget] JS gzip: /dashboard ${kib(dashboard.gzip)}, /calendar ${kib(calendar.gzip)}`);
  expect(dashboard.fullCalendar).toBe(false);
  expect(calendar.fullCalendar).toBe(true);
  expect(calendar.gzip).toBeLessThanOrEqual(260 * 1024);
});
