import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { periodicJobRuns } from "@/db/schema";
import { emailTransport } from "@/lib/email";
import { env } from "@/lib/env";
import { jobsMode } from "@/lib/jobs";
import { realtimeServerConfig } from "@/lib/realtime/config";
import { MINUTE } from "@/lib/time";
import { checkPusher, checkResend } from "./checks";

export interface DependencyStatus {
  name: "database" | "realtime" | "email" | "jobs";
  ok: boolean;
  /** What was found, in words; never a credential. */
  status: string;
}

/** The reminder sweep runs every minute: a ticker that has not run it for this long has stopped. */
const SWEEP_OVERDUE_MS = 3 * MINUTE;

async function database(): Promise<DependencyStatus> {
  try {
    await db.execute(sql`select 1`);
    return { name: "database", ok: true, status: "reachable" };
  } catch {
    return { name: "database", ok: false, status: "unreachable" };
  }
}

async function realtime(): Promise<DependencyStatus> {
  const config = realtimeServerConfig();
  if (config.mode === "embedded") return { name: "realtime", ok: true, status: `embedded server on port ${config.port}` };
  const check = await checkPusher(env());
  return { name: "realtime", ok: check.ok, status: check.detail };
}

async function email(): Promise<DependencyStatus> {
  if (emailTransport() === "outbox")
    return { name: "email", ok: true, status: "outbox: no RESEND_API_KEY, so emails are kept for /dev/mail" };
  const check = await checkResend(env(), process.env.RESEND_BASE_URL ?? "https://api.resend.com");
  return { name: "email", ok: check.ok, status: check.detail };
}

async function jobs(now: Date): Promise<DependencyStatus> {
  if (jobsMode() === "inngest") return { name: "jobs", ok: true, status: "run by Inngest" };
  const [sweep] = await db
    .select({ startedAt: periodicJobRuns.startedAt })
    .from(periodicJobRuns)
    .where(eq(periodicJobRuns.jobId, "sweep-reminders"))
    .catch(() => []);
  if (!sweep) return { name: "jobs", ok: false, status: "the ticker has not run the reminder sweep yet" };
  const ago = Math.round((now.getTime() - sweep.startedAt.getTime()) / 1000);
  return now.getTime() - sweep.startedAt.getTime() > SWEEP_OVERDUE_MS
    ? { name: "jobs", ok: false, status: `the reminder sweep last ran ${Math.round(ago / 60)} minutes ago: the ticker has stopped` }
    : { name: "jobs", ok: true, status: `ticker; the reminder sweep ran ${ago} s ago` };
}

/** Each dependency's state, for operators (`/api/health?deep=1`): whether it answers, never its configuration's secrets. */
export async function dependencyStatuses(now = new Date()): Promise<DependencyStatus[]> {
  return Promise.all([database(), realtime(), email(), jobs(now)]);
}
