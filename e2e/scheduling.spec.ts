import type { BrowserContextOptions, Page } from "@playwright/test";
import {
  addLocalDays,
  formatDateTime,
  formatFullDateTime,
  formatIsoDate,
  formatTime,
  HOUR,
  utcToZoned,
  WEEK,
  zonedToUtc,
  type LocalDateTime,
} from "../lib/time";
import { calendarEntry, openCalendar, settledSlots } from "./calendar";
import { expect, test } from "./fixtures";
import { signIn } from "./session";

const TEACHER = { name: "Amelia Hart", zone: "Europe/London" };
const STUDENT = { name: "Maya Chen", zone: "America/Toronto" };
const LESSONS = 6;

const deviceOptions = (phone: boolean): BrowserContextOptions => ({
  locale: "en-GB",
  viewport: phone ? { width: 412, height: 915 } : { width: 1280, height: 900 },
  isMobile: phone,
  hasTouch: phone,
});

const pad = (value: number) => String(value).padStart(2, "0");
const isoDate = (local: LocalDateTime) => `${local.year}-${pad(local.month)}-${pad(local.day)}`;

function sundayIn(zone: string, weeks: number, hour: number): LocalDateTime {
  const today = utcToZoned(new Date(), zone);
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  return { ...addLocalDays(today, 7 * weeks + ((7 - weekday) % 7 || 7)), hour, minute: 0 };
}

test("a student's weekly series, approved by the teacher, shows at each person's local time; a dragged move, attendance and the feed", async ({
  connectedPair,
  signedIn,
  request,
}, testInfo) => {
  test.setTimeout(600_000);
  const phone = testInfo.project.name === "phone";
  // Desktop books Sundays 7–12 weeks ahead, the phone project 14–19 weeks ahead (across both DST changes).
  const first = sundayIn(STUDENT.zone, phone ? 14 : 7, phone ? 12 : 10);
  const instants = Array.from({ length: LESSONS }, (_, index) => zonedToUtc(first, STUDENT.zone).getTime() + index * WEEK);
  // The series keeps the teacher's wall time, so later instants follow London's clock, not Toronto's.
  const londonFirst = utcToZoned(new Date(instants[0]!), TEACHER.zone);
  const lessons = Array.from({ length: LESSONS }, (_, index) => zonedToUtc(addLocalDays(londonFirst, 7 * index), TEACHER.zone));

  const pair = await connectedPair({
    teacher: { name: TEACHER.name, timezone: TEACHER.zone },
    student: { name: STUDENT.name, timezone: STUDENT.zone },
  });
  const student = await signedIn(pair.student, deviceOptions(phone));
  const teacher = await signedIn(pair.teacher, deviceOptions(phone));

  /** Attendance needs a started lesson and booking needs a future one: book one about two minutes out, mark it at the end. */
  const soon = new Date(Math.ceil((Date.now() + 100_000) / 60_000) * 60_000);
  await test.step("the student asks for a lesson in two minutes, online; the teacher approves it", async () => {
    const local = utcToZoned(soon, STUDENT.zone);
    await student.goto("/lessons");
    await student.getByRole("button", { name: "Request a lesson" }).click();
    const form = student.getByRole("form", { name: "Request a lesson" });
    await form.getByLabel("Teacher").selectOption({ label: TEACHER.name });
    await form.getByLabel("Date").fill(isoDate(local));
    await form.getByLabel("Start time").fill(`${pad(local.hour)}:${pad(local.minute)}`);
    await form.getByLabel("Length (minutes)").fill("30");
    await form.getByLabel(/Location/).fill("https://meet.example.com/maya");
    await form.getByRole("button", { name: "Send request" }).click();
    await expect(student.getByRole("listitem", { name: `Your request to ${TEACHER.name}` })).toBeVisible();
    await teacher.goto("/lessons");
    const item = teacher.getByRole("listitem", { name: `Request from ${STUDENT.name}` });
    await item.getByRole("button", { name: "Approve" }).click();
    await expect(item).toHaveCount(0);
    // The upcoming row links to the lesson; its online link is text there, never a link inside a link.
    await expect(
      teacher.getByRole("list", { name: "Upcoming lessons" }).getByRole("link").filter({ hasText: "Online lesson" }),
    ).toBeVisible();
  });

  await test.step("the student asks for six weekly lessons, typed in Toronto time", async () => {
    await student.goto("/lessons");
    await student.getByRole("button", { name: "Request a lesson" }).click();
    const form = student.getByRole("form", { name: "Request a lesson" });
    await expect(form.getByText(/Your time: Toronto \(GMT-[45]\)/)).toBeVisible();
    await form.getByLabel("Teacher").selectOption({ label: TEACHER.name });
    await form.getByLabel("Date").fill(isoDate(first));
    await form.getByLabel("Start time").fill(`${pad(first.hour)}:00`);
    await form.getByLabel("Length (minutes)").fill("45");
    await form.getByLabel("Repeat").selectOption("weekly");
    await form.getByLabel("Number of lessons").fill(String(LESSONS));
    await form.getByLabel(/Note/).fill("Scales; arpeggios, and <script>alert(1)</script>");
    await form.getByRole("button", { name: "Send request" }).click();
    await expect(
      student
        .getByRole("listitem", { name: `Your request to ${TEACHER.name}` })
        .filter({ hasText: formatDateTime(lessons[0]!, STUDENT.zone) }),
    ).toBeVisible();
  });

  await test.step("the teacher approves it", async () => {
    await teacher.goto("/lessons");
    const item = teacher
      .getByRole("listitem", { name: `Request from ${STUDENT.name}` })
      .filter({ hasText: formatDateTime(lessons[0]!, TEACHER.zone) });
    await expect(item).toContainText("weekly, 6 lessons");
    await expect(item).toContainText("<script>alert(1)</script>");
    await item.getByRole("button", { name: "Approve" }).click();
    await expect(item).toHaveCount(0);
    await teacher.screenshot({ path: testInfo.outputPath("lessons-teacher.png") });
  });

  const eventAt = (page: Page, zone: string, instant: Date, otherName: string) =>
    calendarEntry(page, new RegExp(`^${formatTime(instant, zone)}\\b.*Lesson with ${otherName}`));

  async function expectOnCalendar(page: Page, zone: string, otherName: string) {
    await openCalendar(page, `/calendar?date=${formatIsoDate(lessons[0]!, zone)}`);
    for (const [index, lesson] of lessons.entries()) {
      await expect(eventAt(page, zone, lesson, otherName)).toBeVisible();
      if (index < lessons.length - 1) await page.getByRole("button", { name: /next/i }).first().click();
    }
  }

  /** The lessons page lists only the next few. */
  async function openLesson(page: Page, zone: string, instant: Date, otherName: string) {
    await openCalendar(page, `/calendar?date=${formatIsoDate(instant, zone)}`);
    await eventAt(page, zone, instant, otherName).click();
    // FullCalendar opens a panel first; on a phone the lesson is a link to its page.
    if (!phone) await page.getByRole("link", { name: "Open the lesson" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(formatFullDateTime(instant, zone));
  }

  // Selecting by dragging across the week grid is a desktop gesture; phones get the list view.
  if (!phone)
    await test.step("selecting a free slot adds a personal event that only its owner sees", async () => {
      const saturday = addLocalDays(londonFirst, -1);
      await openCalendar(teacher, `/calendar?date=${isoDate(saturday)}`);
      const calendar = teacher.locator(".mb-calendar");
      // From the middle of the 10:00 half-hour to the middle of the 10:30 one: a selection of 10:00–11:00.
      const [from, to] = await settledSlots(teacher, isoDate(saturday), ["10:00", "10:30"]);
      await teacher.mouse.move(from.x, from.y);
      await teacher.mouse.down();
      await teacher.mouse.move(to.x, (from.y + to.y) / 2, { steps: 4 });
      await teacher.mouse.move(to.x, to.y, { steps: 4 });
      await teacher.mouse.up();
      await teacher.getByRole("tab", { name: "Personal event" }).click();
      const form = teacher.getByRole("form", { name: "Add a personal event" });
      await expect(form.getByLabel("Starts")).toHaveValue(isoDate(saturday));
      await expect(form.locator("#startTime")).toHaveValue("10:00");
      await expect(form.getByLabel("Ends")).toHaveValue(isoDate(saturday));
      await expect(form.locator("#endTime")).toHaveValue("11:00");
      await form.getByLabel("Title").fill("Choir rehearsal");
      await form.getByRole("button", { name: "Add event" }).click();
      await expect(calendar.getByRole("button", { name: /^10:00 – 11:00\b.*Choir rehearsal/ })).toBeVisible();
      await teacher.screenshot({ path: testInfo.outputPath("calendar-event-desktop.png") });
    });

  await test.step("both calendars show every lesson at their own local time", async () => {
    await openCalendar(teacher, `/calendar?date=${isoDate(londonFirst)}`);
    await expect(eventAt(teacher, TEACHER.zone, lessons[0]!, STUDENT.name)).toBeVisible();
    await teacher.screenshot({
      path: testInfo.outputPath(phone ? "calendar-list-phone.png" : "calendar-week-desktop.png"),
      fullPage: phone,
    });
    await expectOnCalendar(teacher, TEACHER.zone, STUDENT.name);
    await expectOnCalendar(student, STUDENT.zone, TEACHER.name);
    await openCalendar(student, `/calendar?date=${formatIsoDate(lessons[0]!, STUDENT.zone)}`);
    await expect(eventAt(student, STUDENT.zone, lessons[0]!, TEACHER.name)).toBeVisible();
    await expect(student.locator(".mb-calendar")).not.toContainText("Choir rehearsal");
    expect(new Set(lessons.map((lesson) => formatTime(lesson, TEACHER.zone))).size).toBe(1);
  });

  await test.step("the teacher proposes a new time (by dragging on desktop); the student accepts", async () => {
    const target = new Date(lessons[0]!.getTime() + HOUR);
    await openCalendar(teacher, `/calendar?date=${formatIsoDate(lessons[0]!, TEACHER.zone)}`);
    if (!phone) {
      const event = eventAt(teacher, TEACHER.zone, lessons[0]!, STUDENT.name);
      await expect(event).toBeVisible();
      // The grab point is the lesson's first half-hour cell; moving it by exactly the distance to the target's cell moves the lesson by an hour.
      const day = formatIsoDate(lessons[0]!, TEACHER.zone);
      const [from, to] = await settledSlots(teacher, day, [formatTime(lessons[0]!, TEACHER.zone), formatTime(target, TEACHER.zone)]);
      await teacher.mouse.move(from.x, from.y);
      await teacher.mouse.down();
      await teacher.mouse.move(to.x, (from.y + to.y) / 2, { steps: 5 });
      await teacher.mouse.move(to.x, to.y, { steps: 5 });
      await teacher.mouse.up();
      await expect(teacher.getByRole("status").filter({ hasText: "Proposal sent." })).toContainText(
        `moves to ${formatIsoDate(target, TEACHER.zone)} ${formatTime(target, TEACHER.zone)}`,
      );
    } else {
      await openLesson(teacher, TEACHER.zone, lessons[0]!, STUDENT.name);
      await teacher.getByRole("button", { name: "Propose new time" }).click();
      await teacher.getByLabel("New start time").fill(formatTime(target, TEACHER.zone));
      await teacher.getByRole("button", { name: "Send proposal" }).click();
      await expect(teacher.getByText("You proposed a new time")).toBeVisible();
    }

    await student.goto("/lessons");
    const proposal = student
      .getByRole("listitem", { name: `Proposed move of the lesson with ${TEACHER.name}` })
      .filter({ hasText: formatDateTime(target, STUDENT.zone) });
    await expect(proposal).toContainText(formatDateTime(lessons[0]!, STUDENT.zone));
    await proposal.getByRole("button", { name: "Accept new time" }).click();
    await expect(proposal).toHaveCount(0);

    await openCalendar(student, `/calendar?date=${formatIsoDate(target, STUDENT.zone)}`);
    await expect(eventAt(student, STUDENT.zone, target, TEACHER.name)).toBeVisible();
    lessons[0] = target;
  });

  await test.step("attendance marked by the teacher, once the lesson has started, is visible to the student", async () => {
    const started = teacher
      .getByRole("list", { name: "Recent lessons" })
      .getByRole("listitem")
      .filter({ hasText: formatTime(soon, TEACHER.zone) });
    await expect(async () => {
      await teacher.goto("/lessons");
      await expect(started).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: Math.max(10_000, soon.getTime() - Date.now() + 30_000) });
    const href = await started.getByRole("link").first().getAttribute("href");
    await started.getByRole("radio", { name: "Excused" }).click();
    await expect(started.getByRole("radio", { name: "Excused" })).toHaveAttribute("aria-checked", "true");
    await student.goto(href!);
    await expect(student.getByText("Excused", { exact: true })).toBeVisible();
  });

  await test.step("the iCalendar feed parses and holds the lessons", async () => {
    // Desktop reads the teacher's feed and the phone project the student's.
    const owner = phone ? student : teacher;
    await owner.goto("/calendar");
    await owner.getByRole("button", { name: "Create feed link" }).click();
    const first = await owner.getByLabel("Calendar feed URL").inputValue();
    // The link stays on the page; replacing it asks first, then the old one stops working.
    await owner.reload();
    await expect(owner.getByLabel("Calendar feed URL")).toHaveValue(first);
    await owner.getByRole("button", { name: "Replace with a new link…" }).click();
    await owner.getByRole("group", { name: "Confirm a new feed link" }).getByRole("button", { name: "Replace the link" }).click();
    await expect(owner.getByLabel("Calendar feed URL")).not.toHaveValue(first);
    const url = await owner.getByLabel("Calendar feed URL").inputValue();
    expect((await request.get(first)).status()).toBe(404);
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/calendar");
    const ics = (await response.text()).replace(/\r\n[ \t]/g, "");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(ics.trimEnd()).toMatch(/END:VCALENDAR$/);
    const stamp = (instant: Date) =>
      instant
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
    for (const lesson of lessons) expect(ics).toContain(`DTSTART:${stamp(lesson)}`);
    expect(ics).toContain("DESCRIPTION:Scales\\; arpeggios\\, and <script>alert(1)</script>");
  });

  await test.step("the teacher ends the series", async () => {
    await openLesson(teacher, TEACHER.zone, lessons[0]!, STUDENT.name);
    await teacher.getByRole("button", { name: "Cancel lesson" }).click();
    await teacher.getByLabel("Reason").fill("The term is over");
    await teacher.getByLabel("Also cancel every later lesson of this series").check();
    await teacher.getByRole("form", { name: "Cancel the lesson" }).getByRole("button", { name: "Cancel lesson" }).click();
    await expect(teacher.getByText(/Cancelled on/)).toBeVisible();
  });
});

test("FullCalendar loads only on /calendar on a wide screen, within the 260 KiB gzip budget; a phone's week list needs none", async ({
  page,
  newPage,
  createAccount,
}, testInfo) => {
  const phone = testInfo.project.name === "phone";
  const { gzipSync } = await import("node:zlib");
  const teacher = await createAccount({ role: "teacher" });
  await signIn(page, teacher.email, teacher.password);
  const storageState = await page.context().storageState();
  async function scriptBytes(path: string, ready: (page: Page) => Promise<void>) {
    const visit = await newPage({ storageState });
    const bodies: Promise<Buffer>[] = [];
    visit.on("response", (response) => {
      if (response.request().resourceType() === "script") bodies.push(response.body());
    });
    await visit.goto(path);
    await ready(visit);
    await visit.waitForLoadState("networkidle");
    const scripts = await Promise.all(bodies);
    await visit.context().close();
    return {
      gzip: scripts.reduce((sum, body) => sum + gzipSync(body).length, 0),
      fullCalendar: scripts.some((body) => body.includes("headless-calendar") || body.includes("fc-classic")),
    };
  }
  const dashboard = await scriptBytes("/dashboard", async (visit) => expect(visit.getByRole("heading", { level: 1 })).toBeVisible());
  const calendar = await scriptBytes("/calendar", async (visit) =>
    expect(visit.locator(".mb-calendar").getByRole("button", { name: /^Next / })).toBeVisible({ timeout: 30_000 }),
  );
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(`[budget] JS gzip: /dashboard ${kib(dashboard.gzip)}, /calendar ${kib(calendar.gzip)}`);
  expect(dashboard.fullCalendar).toBe(false);
  expect(calendar.fullCalendar).toBe(!phone);
  expect(calendar.gzip).toBeLessThanOrEqual(phone ? 180 * 1024 : 260 * 1024);
});
