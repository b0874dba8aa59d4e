/**
 * `npm run bench`: every performance budget of DESIGN §8 measured in one run, printed as one table,
 * written to bench/results/latest.json; exit status 1 when a budget fails. Flags:
 *   --no-build        reuse the last `next build`
 *   --postgres        a bench database on the server in DATABASE_URL (created, then dropped) instead of PGlite
 *   --seconds N       load per page (default 10); --connections N (default 50)
 *   --large           growth rows up to 1,000,000 lessons (default: up to about 100,000)
 *   --smoke           CI: short load, small growth, no Lighthouse; ratios and p99 reported but not failing (noisy machines)
 *   --compare FILE    deltas against an earlier results file
 *   --profile PAGE    instead of the table: where the server's CPU goes while it serves PAGE under load
 */
import { execFile, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import fs from "node:fs";
import path from "node:path";
import { javascriptPerRoute } from "./bundle";
import { openEmbeddedBench, openPostgresBench, type BenchDatabase } from "./database";
import { measureEnumeration } from "./enumeration";
import { measureDomain } from "./domain";
import { END_TO_END_BUDGET_MS, FAN_OUT_BUDGET_MS, measureMessaging } from "./messaging";
import { LIGHTHOUSE_BUDGET, lighthouseScores } from "./lighthouse";
import { measureReminderDelivery, measureReminderSweep, type SweepFigures } from "./reminders";
import { newestProfile, profileBreakdown } from "./profile";
import { get, pageWeight, signIn, startApp, statementsPerRequest, statementsSoFar } from "./server";
import { BUSY_TEACHER, generateStudio, lessonsAt, scaleForLessons, type StudioScale } from "./studio";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const smoke = flag("--smoke");
const postgres = flag("--postgres");
// The bench process runs domain code too (enumeration, reminders), and with DATABASE_URL set that needs an
// AUTH_SECRET; any will do for a database made for this run and dropped after it.
if (postgres) process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
const seconds = Number(option("--seconds") ?? (smoke ? 3 : 10));
const connections = Number(option("--connections") ?? (smoke ? 10 : 50));
const port = Number(process.env.BENCH_PORT ?? 3360);
const QUERY_REPEATS = smoke ? 5 : 30;
const STATEMENT_SAMPLES = 5;
/** No N+1: the shell's two statements plus a page's own, none repeated per row. */
const MAX_STATEMENTS = 15;
/** The dashboard with a year of statistics, its heaviest period. */
const PAGES = [
  "/dashboard?weeks=52",
  "/lessons",
  "/lessons/term",
  "/calendar",
  "/students",
  "/notifications",
  "/settings/profile",
] as const;
const REFERENCE = "/bench/reference";
/** A signed-in page with nothing in the shell: the dashboard's own cost is its figure against this one. */
const SHELL_REFERENCE = "/bench/shell";
const DASHBOARD = PAGES[0];
const GROWTH_LESSONS = smoke ? [10_000] : flag("--large") ? [10_000, 100_000, 300_000, 1_000_000] : [10_000, 30_000, 100_000];
const runId = `${Date.now()}`;
const mode = postgres ? "postgres" : "embedded";
const PLANS_DIR = path.resolve("bench/plans", mode);
const RESULTS_DIR = path.resolve("bench/results");

type Status = "pass" | "FAIL" | "info";
interface Row {
  budget: string;
  figure: string;
  reference: string;
  ratio: string;
  status: Status;
  value?: number;
}
const rows: Row[] = [];
const fixed = (value: number, digits = 1) => value.toFixed(digits);
/** Noisy wall-clock budgets only inform in smoke runs; sizes, counts and database time always count. */
const verdict = (ok: boolean, noisy = false): Status => (ok ? "pass" : smoke && noisy ? "info" : "FAIL");

const DATABASE_BUDGET_MS = 20;
/** T12: a registered email must not be told apart from an unknown one by response time. */
const ENUMERATION_DELTA_MS = 25;
const SWEEP_BUDGET_MS = 50;
const DELIVERY_BUDGET_S = 30;
/** Teacher–student pairs with a lesson in an hour: twice as many reminders due at once. */
const REMINDER_PAIRS = 5_000;
const databaseTimeRow = (budget: string, medianMs: number): Row => ({
  budget,
  figure: `${fixed(medianMs)} ms`,
  reference: `${DATABASE_BUDGET_MS} ms`,
  ratio: fixed(medianMs / DATABASE_BUDGET_MS, 2),
  status: verdict(medianMs <= DATABASE_BUDGET_MS, true),
  value: medianMs,
});

function log(message: string) {
  process.stderr.write(`[bench] ${message}\n`);
}

async function openDatabase(name: string): Promise<BenchDatabase> {
  if (!postgres) return openEmbeddedBench(path.resolve(".data", `bench-${runId}`, name));
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("--postgres needs DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres");
  return openPostgresBench(url, `musbook_bench_${name.replaceAll("-", "_")}_${process.pid}`);
}

interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** Async, so this process keeps noticing the server closing idle keep-alive sockets meanwhile. */
async function load(url: string, cookie: string | undefined, duration = seconds): Promise<LoadResult> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    path.resolve("bench/load.mjs"),
    JSON.stringify({ url, cookie, connections, seconds: duration }),
  ]);
  await settle(new URL(url).origin);
  return JSON.parse(stdout) as LoadResult;
}

async function settle(origin: string) {
  let previous = await statementsSoFar(origin);
  for (const deadline = Date.now() + 180_000; Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const current = await statementsSoFar(origin);
    if (current === previous) return;
    previous = current;
  }
  throw new Error("The server was still busy with queued requests 3 minutes after a load run.");
}

async function pageFigures(database: BenchDatabase, email: string, password: string) {
  const app = await startApp(port, database.serverEnv);
  try {
    const cookie = await signIn(app.origin, email, password);
    // Counted first, on an idle server, so that no request left over from a load run adds its statements, and once
    // the periodic jobs' first run at start-up (the reminder sweep, the summaries) has finished.
    await settle(app.origin);
    const statements = new Map<string, number>();
    for (const page of PAGES) statements.set(page, await statementsPerRequest(app.origin, page, cookie, STATEMENT_SAMPLES));
    log(`signed in as ${email}; warming up`);
    const weights = new Map<string, ReturnType<typeof pageWeight>>();
    for (const page of [REFERENCE, SHELL_REFERENCE, ...PAGES]) {
      for (let index = 0; index < 3; index++) await get(`${app.origin}${page}`, cookie);
      weights.set(page, pageWeight((await get(`${app.origin}${page}`, cookie)).body));
    }
    // The references are measured before and after the pages, so a drift in the machine's load shows in both.
    const referenceBefore = await load(`${app.origin}${REFERENCE}`, cookie);
    const shellBefore = await load(`${app.origin}${SHELL_REFERENCE}`, cookie);
    const pages = new Map<string, LoadResult & { statements: number }>();
    for (const page of PAGES) {
      log(`load ${page}`);
      pages.set(page, { ...(await load(`${app.origin}${page}`, cookie)), statements: statements.get(page)! });
    }
    const shellAfter = await load(`${app.origin}${SHELL_REFERENCE}`, cookie);
    const referenceAfter = await load(`${app.origin}${REFERENCE}`, cookie);
    if (!smoke) await lighthouseRows(app.origin, cookie);
    const reference = (referenceBefore.requestsPerSecond + referenceAfter.requestsPerSecond) / 2;
    const shellReference = (shellBefore.requestsPerSecond + shellAfter.requestsPerSecond) / 2;
    rows.push({
      budget: `reference ${REFERENCE} req/s (before/after)`,
      figure: `${fixed(referenceBefore.requestsPerSecond, 0)} / ${fixed(referenceAfter.requestsPerSecond, 0)}`,
      reference: "",
      ratio: "",
      status: "info",
      value: reference,
    });
    rows.push({
      budget: `shell reference ${SHELL_REFERENCE} req/s (before/after)`,
      figure: `${fixed(shellBefore.requestsPerSecond, 0)} / ${fixed(shellAfter.requestsPerSecond, 0)}`,
      reference: fixed(reference, 0),
      ratio: fixed(shellReference / reference, 2),
      status: "info",
      value: shellReference,
    });
    for (const [page, weight] of weights) {
      const kib = (bytes: number) => fixed(bytes / 1024);
      rows.push({
        budget: `${page} HTML: markup + React payload`,
        figure: `${kib(weight.markupBytes)} + ${kib(weight.payloadBytes)} KiB`,
        reference: "",
        ratio: "",
        status: "info",
        value: weight.markupBytes + weight.payloadBytes,
      });
    }
    for (const [page, result] of pages) {
      // An error or a non-2xx answer always fails; no answer at all within a smoke run's seconds is only slow.
      const broken = result.non2xx > 0 || result.errors > 0;
      const clean = !broken && result.requests > 0;
      const ratio = result.requestsPerSecond / reference;
      rows.push({
        budget: `${page} req/s ≥ 0.5 × reference`,
        figure: `${fixed(result.requestsPerSecond, 0)}${clean ? "" : ` (${result.non2xx} non-2xx, ${result.errors} errors)`}`,
        reference: fixed(reference, 0),
        ratio: fixed(ratio, 2),
        status: broken ? "FAIL" : verdict(clean && ratio >= 0.5, true),
        value: result.requestsPerSecond,
      });
      if (page === DASHBOARD) {
        const shellRatio = result.requestsPerSecond / shellReference;
        rows.push({
          budget: `${page} req/s ≥ 0.5 × shell reference`,
          figure: fixed(result.requestsPerSecond, 0),
          reference: fixed(shellReference, 0),
          ratio: fixed(shellRatio, 2),
          status: broken ? "FAIL" : verdict(clean && shellRatio >= 0.5, true),
          value: result.requestsPerSecond,
        });
      }
      rows.push({
        budget: `${page} p99 ≤ 300 ms @${connections}`,
        figure: `${result.p99} ms`,
        reference: "300 ms",
        ratio: fixed(result.p99 / 300, 2),
        status: broken ? "FAIL" : verdict(clean && result.p99 <= 300, true),
        value: result.p99,
      });
      rows.push({
        budget: `${page} SQL statements / request ≤ ${MAX_STATEMENTS}`,
        figure: fixed(result.statements),
        reference: String(MAX_STATEMENTS),
        ratio: fixed(result.statements / MAX_STATEMENTS, 2),
        status: verdict(result.statements <= MAX_STATEMENTS),
        value: result.statements,
      });
    }
  } catch (error) {
    log(`server output:\n${app.output().slice(-4000)}`);
    throw error;
  } finally {
    await app.stop();
  }
}

/** Performance varies with the machine's load; accessibility and best practices do not, so they always count. */
async function lighthouseRows(origin: string, cookie: string) {
  const pages = [{ url: `${origin}/` }, { url: `${origin}/dashboard`, cookie }, { url: `${origin}/calendar`, cookie }];
  log("Lighthouse (mobile) on the landing page, /dashboard and /calendar");
  const scores = await lighthouseScores(pages);
  scores.forEach((score, index) => {
    const page = new URL(pages[index]!.url).pathname;
    const ok = {
      performance: score.performance >= LIGHTHOUSE_BUDGET.performance,
      rest: score.accessibility >= LIGHTHOUSE_BUDGET.accessibility && score.bestPractices >= LIGHTHOUSE_BUDGET.bestPractices,
    };
    rows.push({
      budget: `Lighthouse mobile ${page} (performance / accessibility / best practices)`,
      figure: `${score.performance} / ${score.accessibility} / ${score.bestPractices}`,
      reference: `${LIGHTHOUSE_BUDGET.performance} / ${LIGHTHOUSE_BUDGET.accessibility} / ${LIGHTHOUSE_BUDGET.bestPractices}`,
      ratio: fixed(score.performance / LIGHTHOUSE_BUDGET.performance, 2),
      status: ok.rest ? verdict(ok.performance, true) : "FAIL",
      value: score.performance,
    });
    if (!ok.performance) log(`Lighthouse ${page} lost performance points on: ${score.losses.join("; ") || "nothing below 0.9"}`);
  });
}

/** The reminder sweep's claim at the largest growth size: its budget is set at 1,000,000 lessons (`--large`). */
let largestSweep: { lessons: number; figures: SweepFigures } | null = null;

async function growthRow(scale: StudioScale) {
  const lessons = lessonsAt(scale);
  const database = await openDatabase(`growth-${lessons}`);
  try {
    const studio = await generateStudio(database.query, scale);
    const plans = path.join(PLANS_DIR, `${lessons}-lessons`);
    const figures = await measureDomain(database, studio.busyTeacherId, QUERY_REPEATS, plans);
    const label = `${scale.teachers} teachers, ${lessons.toLocaleString("en")} lessons`;
    log(`growth: ${label} generated in ${fixed(studio.seconds)} s`);
    rows.push(databaseTimeRow(`growth ${label}: calendar month`, figures.calendarMonth.medianMs));
    rows.push(databaseTimeRow(`growth ${label}: dashboard`, figures.dashboard.medianMs));
    const sweep = await measureReminderSweep(database, QUERY_REPEATS, path.join(plans, "reminder-sweep.txt"));
    rows.push({ ...databaseTimeRow(`growth ${label}: reminder sweep`, sweep.medianMs), status: "info" });
    if (!largestSweep || lessons > largestSweep.lessons) largestSweep = { lessons, figures: sweep };
  } finally {
    await database.destroy();
  }
}

async function reminderRows() {
  if (largestSweep) {
    const { lessons, figures } = largestSweep;
    const atBudgetSize = lessons >= 1_000_000;
    rows.push({
      budget: `reminder sweep ≤ ${SWEEP_BUDGET_MS} ms at 1M lessons, index scan`,
      figure: `${fixed(figures.medianMs)} ms${figures.indexScan ? "" : ", NO index scan"}`,
      reference: atBudgetSize ? `${SWEEP_BUDGET_MS} ms` : `at ${lessons.toLocaleString("en")} lessons (--large for 1M)`,
      ratio: fixed(figures.medianMs / SWEEP_BUDGET_MS, 2),
      // The plan always counts; the time only at the budget's size.
      status: !figures.indexScan ? "FAIL" : atBudgetSize ? verdict(figures.medianMs <= SWEEP_BUDGET_MS) : "info",
      value: figures.medianMs,
    });
  }
  const pairs = smoke ? 100 : REMINDER_PAIRS;
  log(`reminders: ${2 * pairs} due at once, two concurrent sweeps, embedded delivery`);
  const database = await openDatabase("reminders");
  try {
    const delivery = await measureReminderDelivery(database, pairs);
    const projected = (delivery.seconds / delivery.due) * 10_000;
    rows.push({
      budget: `10k reminders delivered once ≤ ${DELIVERY_BUDGET_S} s`,
      figure: `${delivery.due.toLocaleString("en")} in ${fixed(delivery.seconds)} s${delivery.exactlyOnce ? ", each once" : ", NOT exactly once"}`,
      reference: `10k at this rate: ${fixed(projected, 0)} s`,
      ratio: fixed(projected / DELIVERY_BUDGET_S, 2),
      // Exactly once always counts; the time is wall clock.
      status: delivery.exactlyOnce ? verdict(projected <= DELIVERY_BUDGET_S, true) : "FAIL",
      value: projected,
    });
    if (!delivery.exactlyOnce) log(`reminders: counts ${JSON.stringify(delivery.counts)}, expected ${delivery.due} each`);
  } finally {
    await database.destroy();
  }
}

function printTable() {
  const header: Row = { budget: "budget", figure: "figure", reference: "reference", ratio: "ratio", status: "info" };
  const widths = (["budget", "figure", "reference", "ratio"] as const).map((key) =>
    Math.max(...[header, ...rows].map((row) => row[key].length)),
  );
  const line = (row: Row, status: string) =>
    `| ${row.budget.padEnd(widths[0]!)} | ${row.figure.padStart(widths[1]!)} | ${row.reference.padStart(widths[2]!)} | ${row.ratio.padStart(widths[3]!)} | ${status.padEnd(9)} |`;
  console.log(line(header, "result"));
  console.log(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|-----------|`);
  for (const row of rows) console.log(line(row, row.status));
}

function compareWith(file: string) {
  const previous = JSON.parse(fs.readFileSync(file, "utf8")) as { rows: Row[] };
  const before = new Map(previous.rows.map((row) => [row.budget, row.value]));
  console.log(`\nCompared with ${file}:`);
  for (const row of rows) {
    const old = before.get(row.budget);
    if (row.value === undefined || old === undefined || old === 0) continue;
    const change = ((row.value - old) / old) * 100;
    console.log(`  ${row.budget}: ${fixed(old)} → ${fixed(row.value)} (${change >= 0 ? "+" : ""}${fixed(change)}%)`);
  }
}

/** A CPU profile of the server's main thread while it serves one page to the load generator, summarised. */
async function profilePage(page: string) {
  const database = await openDatabase("profile");
  const profiles = path.resolve(".data", `bench-${runId}`, "profiles");
  try {
    const studio = await generateStudio(database.query, BUSY_TEACHER);
    await database.close();
    const app = await startApp(port, database.serverEnv, ["--cpu-prof", `--cpu-prof-dir=${profiles}`]);
    let result: LoadResult;
    try {
      const cookie = await signIn(app.origin, studio.email, studio.password);
      for (let index = 0; index < 5; index++) await get(`${app.origin}${page}`, cookie);
      log(`profiling ${page}: ${connections} connections for ${seconds} s`);
      result = await load(`${app.origin}${page}`, cookie);
    } finally {
      await app.stop();
    }
    const file = newestProfile(profiles);
    const breakdown = profileBreakdown(file, seconds * 1000);
    log(`profile written to ${path.relative(process.cwd(), file)} (open it in Chrome DevTools, Performance)`);
    console.log(`${page} as the busy teacher (${mode}): ${result.requests} requests, ${fixed(result.requestsPerSecond, 0)} req/s`);
    console.log("| CPU of the server's main thread | share | ms per request |");
    console.log("|---|---|---|");
    for (const { category, ms, share } of breakdown) {
      console.log(`| ${category} | ${fixed(share * 100)}% | ${fixed(ms / Math.max(1, result.requests), 2)} |`);
    }
  } finally {
    await database.destroy();
  }
}

async function main() {
  if (!flag("--no-build")) {
    log("next build");
    const built = spawnSync("npx", ["next", "build"], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build in .next: run without --no-build.");
  const profiled = option("--profile");
  if (profiled) {
    await profilePage(profiled);
    return;
  }

  log(`benchmark studio (${mode})`);
  const database = await openDatabase("studio");
  try {
    const studio = await generateStudio(database.query, BUSY_TEACHER);
    log(
      `studio: ${studio.rows.lessons} lessons, ${Object.values(studio.rows).reduce((a, b) => a + b, 0)} rows in ${fixed(studio.seconds)} s`,
    );
    rows.push({
      budget: "studio generated (1 teacher, 60 students, a year)",
      figure: `${fixed(studio.seconds)} s`,
      reference: "",
      ratio: "",
      status: "info",
      value: studio.seconds,
    });
    const figures = await measureDomain(database, studio.busyTeacherId, QUERY_REPEATS, path.join(PLANS_DIR, "busy-teacher"));
    rows.push(databaseTimeRow("database: calendar month (busy teacher)", figures.calendarMonth.medianMs));
    rows.push(databaseTimeRow("database: dashboard queries (busy teacher)", figures.dashboard.medianMs));
    rows.push({
      budget: "database: a year of statistics recomputed (after a write)",
      figure: `${fixed(figures.statisticsRecomputed.medianMs)} ms`,
      reference: "",
      ratio: "",
      status: "info",
      value: figures.statisticsRecomputed.medianMs,
    });
    log("account enumeration: registered and unknown emails, interleaved");
    const enumeration = await measureEnumeration(database, smoke ? 30 : 200);
    for (const [flow, figures] of [
      ["sign-in", enumeration.signIn],
      ["sign-up", enumeration.signUp],
    ] as const) {
      const delta = Math.abs(figures.known - figures.unknown);
      rows.push({
        budget: `${flow}: registered vs unknown email, median delta ≤ ${ENUMERATION_DELTA_MS} ms`,
        figure: `${fixed(delta)} ms`,
        reference: `${fixed(figures.known)} / ${fixed(figures.unknown)} ms`,
        ratio: fixed(delta / ENUMERATION_DELTA_MS, 2),
        status: verdict(delta <= ENUMERATION_DELTA_MS, true),
        value: delta,
      });
    }
    await database.close();
    await pageFigures(database, studio.email, studio.password);
  } finally {
    await database.destroy();
  }

  for (const lessons of GROWTH_LESSONS) await growthRow(scaleForLessons(lessons));

  for (const [route, bytes] of javascriptPerRoute()) {
    const limit = route === "/calendar" ? 260 : 180;
    const kib = bytes / 1024;
    rows.push({
      budget: `JS ${route} ≤ ${limit} KiB gzip`,
      figure: `${fixed(kib)} KiB`,
      reference: `${limit} KiB`,
      ratio: fixed(kib / limit, 2),
      status: verdict(kib <= limit),
      value: kib,
    });
  }
  log("messaging: 200 realtime clients, sends over HTTP");
  const messaging = await measureMessaging({ sends: smoke ? 50 : 300, port: port + 10 });
  for (const [budget, figure, limit] of [
    [`realtime fan-out p99 ≤ ${FAN_OUT_BUDGET_MS} ms (${messaging.clients} clients)`, messaging.fanOut.p99, FAN_OUT_BUDGET_MS],
    [`message end-to-end p99 ≤ ${END_TO_END_BUDGET_MS} ms (${messaging.clients} clients)`, messaging.endToEnd.p99, END_TO_END_BUDGET_MS],
  ] as const) {
    rows.push({
      budget,
      figure: `${fixed(figure)} ms`,
      reference: `${limit} ms`,
      ratio: fixed(figure / limit, 2),
      status: verdict(figure <= limit, true),
      value: figure,
    });
  }
  await reminderRows();

  printTable();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const results = { mode, smoke, seconds, connections, at: new Date().toISOString(), rows };
  fs.writeFileSync(path.join(RESULTS_DIR, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  log(`results written to bench/results/latest.json, plans to ${path.relative(process.cwd(), PLANS_DIR)}/`);
  const compare = option("--compare");
  if (compare) compareWith(compare);
  fs.rmSync(path.resolve(".data", `bench-${runId}`), { recursive: true, force: true });
  process.exit(rows.some((row) => row.status === "FAIL") ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error("[bench] failed:", error);
  process.exit(1);
});
