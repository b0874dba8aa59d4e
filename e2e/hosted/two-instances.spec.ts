import type { Page } from "@playwright/test";
import { addLocalDays, formatIsoDate, formatTime, utcToZoned, zonedToUtc } from "../../lib/time";
import { signIn, signOut } from "../session";
import { expect, test } from "./fixtures";
import { INSTANCE_A, INSTANCE_B, INSTANCE_C, PORTS } from "./instances";

const ZONE = "Europe/London";

/** 15:00 in London, `days` from today. */
function afternoonIn(days: number): Date {
  return zonedToUtc({ ...addLocalDays(utcToZoned(new Date(), ZONE), days), hour: 15, minute: 0 }, ZONE);
}

/** Signs in through the sign-in form of one instance. */
async function signInOn(page: Page, instance: string, email: string, password: string) {
  await page.goto(`${instance}/sign-in`);
  await signIn(page, email, password);
  expect(page.url().startsWith(instance), `signed in on ${instance}, not redirected elsewhere`).toBe(true);
}

async function requestLesson(page: Page, instance: string, teacherName: string, startsAt: Date) {
  await page.goto(`${instance}/lessons`);
  await page.getByRole("button", { name: "Request a lesson" }).click();
  const form = page.getByRole("form", { name: "Request a lesson" });
  await form.getByLabel("Teacher").selectOption({ label: teacherName });
  await form.getByLabel("Date").fill(formatIsoDate(startsAt, ZONE));
  await form.getByLabel("Start time").fill(formatTime(startsAt, ZONE));
  await form.getByLabel("Length (minutes)").fill("45");
  await form.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("listitem", { name: `Your request to ${teacherName}` })).toBeVisible();
}

const unreadOf = async (page: Page) =>
  Number(/(\d+) unread/.exec((await page.getByRole("button", { name: /^Notifications/ }).getAttribute("aria-label")) ?? "")?.[1] ?? 0);

test("a request raised on instance B reaches the teacher on A live; approved on A, the lesson and the news are on B", async ({
  connectedPair,
  newPage,
}) => {
  const { teacher, student } = await connectedPair({ teacher: { name: "Amy Beach" }, student: { name: "Florence Price" } });
  const teacherPage = await newPage();
  await signInOn(teacherPage, INSTANCE_A, teacher.email, teacher.password);
  const studentPage = await newPage();
  await signInOn(studentPage, INSTANCE_B, student.email, student.password);
  const teacherUnread = await unreadOf(teacherPage);
  const studentUnread = await unreadOf(studentPage);

  const startsAt = afternoonIn(9);
  await requestLesson(studentPage, INSTANCE_B, teacher.name, startsAt);
  // Published by B to the realtime server, delivered to the browser that A served: no reload.
  await expect.poll(() => unreadOf(teacherPage)).toBe(teacherUnread + 1);

  await teacherPage.goto(`${INSTANCE_A}/lessons`);
  const request = teacherPage.getByRole("listitem", { name: `Request from ${student.name}` });
  await request.getByRole("button", { name: "Approve" }).click();
  await expect(request).toHaveCount(0);
  await expect.poll(() => unreadOf(studentPage)).toBe(studentUnread + 1);

  await studentPage.goto(`${INSTANCE_B}/lessons`);
  await expect(studentPage.getByRole("list", { name: "Upcoming lessons" })).toContainText(formatTime(startsAt, ZONE));
});

test("signing out on instance A ends the session on instance B, even for a copied cookie", async ({ createAccount, newPage }) => {
  const account = await createAccount({ role: "teacher" });
  const page = await newPage();
  await signInOn(page, INSTANCE_B, account.email, account.password);
  const cookies = await page.context().cookies();
  expect((await page.request.get(`${INSTANCE_A}/api/notifications`)).status()).toBe(200);

  await page.goto(`${INSTANCE_A}/dashboard`);
  await signOut(page);

  const replay = await newPage();
  await replay.context().addCookies(cookies);
  for (const instance of [INSTANCE_A, INSTANCE_B]) {
    expect((await replay.request.get(`${instance}/api/notifications`)).status()).toBe(401);
  }
  await replay.goto(`${INSTANCE_B}/dashboard`);
  await expect(replay).toHaveURL(/\/sign-in/);
});

test("the teacher approves two clashing requests at once, one through each instance: one lesson, one clear refusal", async ({
  createAccount,
  connectStudent,
  newPage,
  database,
}) => {
  const teacher = await createAccount({ role: "teacher", name: "Rebecca Clarke" });
  const [first, second] = await Promise.all([
    connectStudent(teacher, { name: "Ethel Smyth" }),
    connectStudent(teacher, { name: "Lili Boulanger" }),
  ]);
  const startsAt = afternoonIn(12);
  for (const [student, instance] of [
    [first, INSTANCE_A],
    [second, INSTANCE_B],
  ] as const) {
    const page = await newPage();
    await signInOn(page, instance, student.email, student.password);
    await requestLesson(page, instance, teacher.name, startsAt);
  }

  // One browser, so one session: signed in on A, its cookie serves B as well (cookies are per host, not port).
  const onA = await newPage();
  await signInOn(onA, INSTANCE_A, teacher.email, teacher.password);
  const onB = await onA.context().newPage();
  await onA.goto(`${INSTANCE_A}/lessons`);
  await onB.goto(`${INSTANCE_B}/lessons`);
  const viaA = onA.getByRole("listitem", { name: `Request from ${first.name}` });
  const viaB = onB.getByRole("listitem", { name: `Request from ${second.name}` });
  await Promise.all([viaA.getByRole("button", { name: "Approve" }).click(), viaB.getByRole("button", { name: "Approve" }).click()]);

  const outcome = async (item: typeof viaA) =>
    (await item.count()) === 0 ? "approved" : (await item.getByRole("alert").count()) > 0 ? "refused" : "waiting";
  await expect.poll(async () => [await outcome(viaA), await outcome(viaB)].sort()).toEqual(["approved", "refused"]);

  const lessons = await database.query(
    `select count(*)::int as count from lessons l join connections c on c.id = l.connection_id
       join users u on u.id = c.teacher_id where u.email = $1 and l.starts_at = $2 and l.status = 'scheduled'`,
    [teacher.email, startsAt],
  );
  expect(lessons.rows[0].count).toBe(1);
});

test("the periodic jobs run once a period across both instances, not once per instance", async ({ database }) => {
  test.setTimeout(360_000);
  const runs = async () =>
    Object.fromEntries(
      (await database.query<{ job_id: string; runs: number }>("select job_id, runs from periodic_job_runs")).rows.map((row) => [
        row.job_id,
        row.runs,
      ]),
    ) as Record<string, number>;
  const before = await runs();
  const since = Date.now();
  // Both instances ticked at start and tick every minute: wait for two more sweeps, whichever instance runs them.
  await expect
    .poll(async () => (await runs())["sweep-reminders"] ?? 0, { timeout: 300_000, intervals: [5_000] })
    .toBeGreaterThanOrEqual((before["sweep-reminders"] ?? 0) + 2);
  const after = await runs();
  const minutes = (Date.now() - since) / 60_000;
  // A minute's job runs at most once a minute (the lease allows a tick 10% early); twice per tick would mean both ran.
  expect(after["sweep-reminders"]! - (before["sweep-reminders"] ?? 0)).toBeLessThanOrEqual(Math.floor(minutes / 0.9) + 1);
  expect(after["prune-expired-auth-data"]).toBe(1);
  expect(after["email-weekly-summaries"]).toBe(1);
});

test("email goes through the Resend API, never to a mail page; the serverless-style instance refuses unsigned Inngest calls and starts no server", async ({
  request,
}) => {
  for (const instance of [INSTANCE_A, INSTANCE_B, INSTANCE_C]) {
    expect((await request.get(`${instance}/dev/mail`)).status(), `${instance}/dev/mail`).toBe(404);
  }
  const invoke = { data: { event: { name: "inngest/scheduled.timer", data: {} }, steps: {}, ctx: { run_id: "r1", attempt: 0 } } };
  expect((await request.post(`${INSTANCE_C}/api/inngest?fnId=musbook-sweep-reminders&stepId=step`, invoke)).status()).toBe(401);
  // A and B run without Inngest, so the endpoint does not exist there.
  expect((await request.post(`${INSTANCE_A}/api/inngest?fnId=musbook-sweep-reminders&stepId=step`, invoke)).status()).toBe(404);

  const statusOf = async (instance: string) => {
    const { ok, dependencies } = (await (await request.get(`${instance}/api/health?deep=1`)).json()) as {
      ok: boolean;
      dependencies: { name: string; status: string }[];
    };
    expect(ok, JSON.stringify(dependencies)).toBe(true);
    return Object.fromEntries(dependencies.map((dependency) => [dependency.name, dependency.status]));
  };
  expect(await statusOf(INSTANCE_A)).toMatchObject({ email: "Resend accepted the API key", jobs: expect.stringMatching(/^ticker/) });
  expect(await statusOf(INSTANCE_C)).toMatchObject({
    realtime: expect.stringContaining("Pusher credentials accepted"),
    jobs: "run by Inngest",
  });
  // C has REALTIME_PORT set but uses the realtime server: nothing listens on its own port.
  await expect(request.get(`http://127.0.0.1:${PORTS.cRealtime}/`, { timeout: 5_000 })).rejects.toThrow(/ECONNREFUSED/);
});
