/**
 * `npm run soak`: load held for a long time (T29), then the invariants checked on the database. A tuition centre of
 * 10 teachers and 400 students whose busiest hour has a third of them online, each acting every 20 s or so (about
 * 7 actions a second), run at three times that: 410 simulated people signing in (a fifth with an emailed two-step
 * code, read from /dev/mail), browsing their pages, sending messages, asking for lessons and approving or declining
 * them, signing in again now and then. Afterwards: no 5xx, under 1% failed requests, no double booking, each
 * message stored once, one notification per request, approval and decline, and the server's memory flat.
 *   --minutes N   how long the load is held (30)
 *   --load X      multiple of the busiest hour (3)
 *   --postgres    on a database of the server in DATABASE_URL instead of PGlite
 *   --no-build    reuse the last `next build`
 */
import { randomBytes, randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openEmbeddedBench, openPostgresBench, type BenchDatabase } from "./database";
import { serverActionId, startApp, type AppServer } from "./server";
import { PENDING_SIGN_IN_COOKIE } from "@/lib/auth/two-factor";
import { BENCH_PASSWORD, generateStudio } from "./studio";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const minutes = Number(option("--minutes") ?? 30);
const loadFactor = Number(option("--load") ?? 3);
const postgres = args.includes("--postgres");
if (postgres) process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
const port = Number(process.env.SOAK_PORT ?? 3380);

const TEACHERS = 10;
const STUDENTS_PER_TEACHER = 40;
const ONLINE_AT_PEAK = 1 / 3;
const SECONDS_BETWEEN_ACTIONS = 20;
const TWO_STEP_SHARE = 0.2;
const MEMORY_GROWTH_LIMIT = 1.25;
/** Arrivals spread over this long: the first sign-ins are a storm already (argon2 for each). */
const RAMP_SECONDS = 120;
const FAILED_SHARE_LIMIT = 0.01;
/** Nobody waits longer for a page or a button: a request not answered by then counts as failed. */
const REQUEST_TIMEOUT_MS = 30_000;

const log = (message: string) => console.info(`[soak ${new Date().toISOString().slice(11, 19)}] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;

interface Person {
  email: string;
  role: "teacher" | "student";
  teacher: number;
  /** Connection ids of the other party, from the generated studio. */
  connections: string[];
  twoStep: boolean;
  ip: string;
  cookie?: string;
}

interface Tally {
  requests: number;
  failed: number;
  serverErrors: number;
  latencies: Record<Kind, number[]>;
  ok: Record<"requested" | "approved" | "declined" | "messages" | "signIns" | "twoStepSignIns", number>;
  refused: number;
  /** Failed requests by reason: a status, a timeout, a network error code. */
  failures: Record<string, number>;
}

const tally: Tally = {
  requests: 0,
  failed: 0,
  serverErrors: 0,
  latencies: { read: [], write: [], signIn: [] },
  ok: { requested: 0, approved: 0, declined: 0, messages: 0, signIns: 0, twoStepSignIns: 0 },
  refused: 0,
  failures: {},
};
const sentMessageIds: string[] = [];
/** Requests the students made, waiting for their teacher's answer. */
const pendingByTeacher = new Map<number, string[]>();

type Kind = "read" | "write" | "signIn";

function fail(reason: string) {
  tally.failed++;
  tally.failures[reason] = (tally.failures[reason] ?? 0) + 1;
}

interface Answer {
  status: number;
  cookies: string[];
  body: string;
}

/** One request, its whole body read within the time limit; null when it failed without an answer. */
async function timed(kind: Kind, run: (signal: AbortSignal) => Promise<Response>): Promise<Answer | null> {
  const started = performance.now();
  tally.requests++;
  try {
    const answer = await run(AbortSignal.timeout(REQUEST_TIMEOUT_MS)).then(async (response) => ({
      status: response.status,
      cookies: response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!),
      body: await response.text(),
    }));
    tally.latencies[kind].push(performance.now() - started);
    if (answer.status >= 500) {
      tally.serverErrors++;
      fail(`HTTP ${answer.status}`);
    }
    return answer;
  } catch (error) {
    const { name, cause } = error as { name?: string; cause?: { code?: string } };
    fail(name === "TimeoutError" ? `no answer in ${REQUEST_TIMEOUT_MS / 1000} s` : (cause?.code ?? name ?? "error"));
    return null;
  }
}

let actionIds: Record<string, string> = {};

/** A server action as the browser calls it: its id, the page it is on, `[previous state, input]` as the body. */
async function callAction(
  app: AppServer,
  person: Person,
  name: keyof typeof actionIds,
  page: string,
  input: unknown,
  cookie = person.cookie,
) {
  const response = await timed(name === "signIn" || name === "verifyCode" ? "signIn" : "write", (signal) =>
    fetch(`${app.origin}${page}`, {
      signal,
      method: "POST",
      redirect: "manual",
      headers: {
        "next-action": actionIds[name]!,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
        "x-forwarded-for": person.ip,
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify([null, input]),
    }),
  );
  const body = response?.body ?? "";
  return { response, body, ok: /"ok":true/.test(body) };
}

async function signInCode(app: AppServer, person: Person): Promise<string | undefined> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const page = await timed("signIn", (signal) => fetch(`${app.origin}/dev/mail`, { signal, headers: { "x-forwarded-for": person.ip } }));
    const html = page?.body ?? "";
    // React writes "to {address}" as two text nodes, with a comment between them.
    const pattern = new RegExp(
      `(\\d{6}) is your MusBook sign-in code</p><p[^>]*>to (?:<!-- -->)?${person.email.replace(/[.+]/g, "\\$&")}<`,
    );
    const code = pattern.exec(html)?.[1];
    if (code) return code;
    await sleep(500);
  }
  return undefined;
}

async function signIn(app: AppServer, person: Person): Promise<void> {
  const first = await callAction(app, person, "signIn", "/sign-in", { email: person.email, password: BENCH_PASSWORD }, "");
  const cookies = first.response?.cookies ?? [];
  const session = cookies.find((cookie) => cookie.startsWith("authjs.session-token="));
  if (session) {
    person.cookie = session;
    tally.ok.signIns++;
    return;
  }
  const pending = cookies.find((cookie) => cookie.startsWith(`${PENDING_SIGN_IN_COOKIE}=`));
  if (!pending) return;
  const code = await signInCode(app, person);
  if (!code) return;
  const second = await callAction(app, person, "verifyCode", "/sign-in/verify", { code }, pending);
  const verified = second.response?.cookies.find((cookie) => cookie.startsWith("authjs.session-token="));
  if (verified) {
    person.cookie = verified;
    tally.ok.signIns++;
    tally.ok.twoStepSignIns++;
  }
}

const PAGES = {
  teacher: ["/dashboard", "/lessons", "/students", "/notifications", "/messages"],
  student: ["/dashboard", "/lessons", "/teachers", "/notifications", "/messages"],
};

/** A date 20–50 weeks ahead, any day, 08:00–20:30 New York time: free, or a clash the server must refuse. */
function futureSlot() {
  const day = new Date(Date.now() + (140 + Math.floor(Math.random() * 210)) * 86_400_000);
  const hour = 8 + Math.floor(Math.random() * 13);
  return { date: day.toISOString().slice(0, 10), time: `${String(hour).padStart(2, "0")}:${pick(["00", "30"])}` };
}

async function act(app: AppServer, person: Person): Promise<void> {
  if (!person.cookie || Math.random() < 0.03) await signIn(app, person);
  if (!person.cookie) return;
  const roll = Math.random();
  if (roll < 0.6) {
    const page = pick(PAGES[person.role]);
    for (const path of [page, "/api/notifications"]) {
      await timed("read", (signal) =>
        fetch(`${app.origin}${path}`, { signal, headers: { cookie: person.cookie!, "x-forwarded-for": person.ip } }),
      );
    }
    return;
  }
  if (roll < 0.85) {
    const connectionId = pick(person.connections);
    const clientMessageId = randomUUID();
    const sent = await callAction(app, person, "sendMessage", `/messages/${connectionId}`, {
      connectionId,
      clientMessageId,
      body: `Soak message ${clientMessageId.slice(0, 8)}: scales in G, then the Bach.`,
    });
    if (sent.ok) {
      tally.ok.messages++;
      sentMessageIds.push(clientMessageId);
    } else tally.refused++;
    return;
  }
  if (person.role === "student") {
    const requested = await callAction(app, person, "requestLesson", "/lessons", {
      connectionId: person.connections[0],
      ...futureSlot(),
      durationMinutes: "45",
      timezone: "America/New_York",
      repeat: "none",
      note: "",
    });
    const requestId = /"requestId":"([0-9a-f-]{36})"/.exec(requested.body)?.[1];
    if (requested.ok && requestId) {
      tally.ok.requested++;
      pendingByTeacher.set(person.teacher, [...(pendingByTeacher.get(person.teacher) ?? []), requestId]);
    } else tally.refused++;
    return;
  }
  const requestId = pendingByTeacher.get(person.teacher)?.shift();
  if (!requestId) return;
  const approve = Math.random() < 0.7;
  const answered = approve
    ? await callAction(app, person, "approveRequest", "/lessons", { requestId, skip: [] })
    : await callAction(app, person, "declineRequest", "/lessons", { requestId, reason: "That week is full, sorry." });
  if (answered.ok) tally.ok[approve ? "approved" : "declined"]++;
  else tally.refused++;
}

const percentile = (values: number[], share: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]! : 0;
};

function residentMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

const runId = `${Date.now()}`;
if (!args.includes("--no-build")) {
  log("next build");
  if (spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}
actionIds = {
  signIn: serverActionId("app/(auth)/sign-in/actions.ts", "signInAction"),
  verifyCode: serverActionId("app/(auth)/sign-in/verify/actions.ts", "verifySignInCodeAction"),
  sendMessage: serverActionId("app/(app)/messages/actions.ts", "sendMessageAction"),
  requestLesson: serverActionId("app/(app)/lessons/actions.ts", "requestLessonsAction"),
  approveRequest: serverActionId("app/(app)/lessons/actions.ts", "approveRequestAction"),
  declineRequest: serverActionId("app/(app)/lessons/actions.ts", "declineRequestAction"),
};

const database: BenchDatabase = postgres
  ? await openPostgresBench(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres", `musbook_soak_${process.pid}`)
  : await openEmbeddedBench(path.resolve(".data", `soak-${runId}`));
const studio = await generateStudio(database.query, {
  teachers: TEACHERS,
  studentsPerTeacher: STUDENTS_PER_TEACHER,
  weeksPast: 12,
  weeksAhead: 12,
});
log(`studio of ${TEACHERS} teachers and ${TEACHERS * STUDENTS_PER_TEACHER} students generated in ${studio.seconds.toFixed(1)} s`);
const rows = (await database.query(
  `select u.email, u.role, c.id as connection_id, t.email as teacher_email from connections c join users u on u.id in (c.teacher_id, c.student_id) join users t on t.id = c.teacher_id where c.status = 'accepted'`,
)) as { rows: { email: string; role: "teacher" | "student"; connection_id: string; teacher_email: string }[] };
const people = new Map<string, Person>();
let address = 0;
for (const row of rows.rows) {
  const teacher = Number(/^teacher(\d+)@/.exec(row.teacher_email)?.[1] ?? 0);
  const person = people.get(row.email) ?? {
    email: row.email,
    role: row.role,
    teacher,
    connections: [],
    twoStep: Math.random() < TWO_STEP_SHARE,
    ip: `10.9.${Math.floor(++address / 250)}.${(address % 250) + 1}`,
  };
  person.connections.push(row.connection_id);
  people.set(row.email, person);
}
const twoStep = [...people.values()].filter((person) => person.twoStep).map((person) => person.email);
await database.query(`update users set two_factor_enabled = true where email = any($1::text[])`, [`{${twoStep.join(",")}}`]);
// PGlite takes one process at a time: the server's, until the checks reopen it.
if (!postgres) await database.close();

const app = await startApp(port, database.serverEnv);
const everyone = [...people.values()];
const simulated = Math.round(everyone.length * ONLINE_AT_PEAK * loadFactor);
const cast = Array.from({ length: simulated }, (_, index) => everyone[index % everyone.length]!);
log(`${simulated} simulated people (${loadFactor}× the busiest hour of ${everyone.length}), ${minutes} minutes, server pid ${app.pid}`);

const memory: { at: number; megabytes: number }[] = [];
const started = Date.now();
const endsAt = started + minutes * 60_000;
const sampler = setInterval(() => {
  memory.push({ at: Date.now() - started, megabytes: residentMegabytes(app.pid) });
  const last = memory.at(-1)!;
  log(
    `${Math.round(last.at / 1000)} s: ${tally.requests} requests, ${tally.failed} failed, ${tally.serverErrors} 5xx, RSS ${last.megabytes.toFixed(0)} MB`,
  );
}, 15_000);

await Promise.all(
  cast.map(async (person, index) => {
    await sleep((index / cast.length) * RAMP_SECONDS * 1000);
    while (Date.now() < endsAt) {
      await act(app, person);
      await sleep(SECONDS_BETWEEN_ACTIONS * 1000 * (0.5 + Math.random()));
    }
  }),
);
clearInterval(sampler);
await app.stop();

const check = postgres ? database : await openEmbeddedBench(path.resolve(".data", `soak-${runId}`));
const count = async (sql: string, params: unknown[] = []) =>
  Number(((await check.query(sql, params)) as { rows: { count: string | number }[] }).rows[0]!.count);
const soakStart = new Date(started).toISOString();
const doubleBooked = await count(
  `select count(*) from lessons a join lessons b on a.id < b.id and (a.teacher_id = b.teacher_id or a.student_id = b.student_id)
   where a.status = 'scheduled' and b.status = 'scheduled' and a.starts_at < b.ends_at and b.starts_at < a.ends_at`,
);
const storedMessages = await count(`select count(*) from messages where client_message_id = any($1::uuid[])`, [
  `{${sentMessageIds.join(",")}}`,
]);
const distinctMessages = await count(`select count(distinct client_message_id) from messages where client_message_id = any($1::uuid[])`, [
  `{${sentMessageIds.join(",")}}`,
]);
const notified = async (type: string) =>
  count(`select count(*) from notifications where type = $1 and created_at >= $2`, [type, soakStart]);
const notifications = {
  requested: await notified("lesson.requested"),
  approved: await notified("lesson.approved"),
  declined: await notified("lesson.declined"),
};
await check.close();
await check.destroy();

// From three minutes after everyone arrived: caches and pools have filled by then.
const warm = memory.filter((sample) => sample.at >= (RAMP_SECONDS + 180) * 1000);
const window = Math.max(1, Math.floor(warm.length / 4));
const average = (samples: typeof memory) => samples.reduce((sum, sample) => sum + sample.megabytes, 0) / Math.max(1, samples.length);
const early = average(warm.slice(0, window));
const late = average(warm.slice(-window));
const failedShare = tally.failed / Math.max(1, tally.requests);

const results = [
  { check: "no 5xx", figure: `${tally.serverErrors}`, ok: tally.serverErrors === 0 },
  {
    check: `failed requests < ${FAILED_SHARE_LIMIT * 100}%`,
    figure: `${tally.failed} of ${tally.requests} (${(failedShare * 100).toFixed(2)}%)`,
    ok: failedShare < FAILED_SHARE_LIMIT,
  },
  { check: "no double booking", figure: `${doubleBooked} overlapping pairs`, ok: doubleBooked === 0 },
  {
    check: "each message stored once",
    figure: `${tally.ok.messages} sent, ${storedMessages} stored, ${distinctMessages} distinct`,
    ok: storedMessages === tally.ok.messages && distinctMessages === storedMessages,
  },
  {
    check: "one notification per request, approval and decline",
    figure: `${notifications.requested}/${tally.ok.requested}, ${notifications.approved}/${tally.ok.approved}, ${notifications.declined}/${tally.ok.declined}`,
    ok:
      notifications.requested === tally.ok.requested &&
      notifications.approved === tally.ok.approved &&
      notifications.declined === tally.ok.declined,
  },
  {
    check: `memory flat (late ≤ ${MEMORY_GROWTH_LIMIT} × early)`,
    figure: `${early.toFixed(0)} → ${late.toFixed(0)} MB RSS`,
    ok: late <= early * MEMORY_GROWTH_LIMIT,
  },
];
console.info(
  `\nSoak: ${minutes} min, ${simulated} simulated people, ${tally.requests} requests (${(tally.requests / (minutes * 60)).toFixed(1)}/s), ${postgres ? "PostgreSQL" : "embedded PGlite"}`,
);
console.info(
  `sign-ins ${tally.ok.signIns} (${tally.ok.twoStepSignIns} with a code), messages ${tally.ok.messages}, requests ${tally.ok.requested}, approved ${tally.ok.approved}, declined ${tally.ok.declined}, refused (clashes, answered requests) ${tally.refused}`,
);
console.info(
  `p95 reads ${percentile(tally.latencies.read, 0.95).toFixed(0)} ms, writes ${percentile(tally.latencies.write, 0.95).toFixed(0)} ms, sign-in steps ${percentile(tally.latencies.signIn, 0.95).toFixed(0)} ms (informative: the load runs on the server's own cores)`,
);
for (const result of results) console.info(`${result.ok ? "pass" : "FAIL"}  ${result.check}: ${result.figure}`);
process.exit(results.every((result) => result.ok) ? 0 : 1);
