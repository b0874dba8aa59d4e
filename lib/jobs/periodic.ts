import { pruneExpiredAuthData } from "@/lib/maintenance/prune";
import { sendMissedMessageEmails } from "@/lib/messaging/digest";
import { sweepReminders } from "@/lib/reminders/sweep";
import { sendWeeklySummaries } from "@/lib/reminders/weekly-summary";
import { HOUR, MINUTE } from "@/lib/time";

export interface PeriodicJob {
  /** Also the Inngest function id. */
  id: string;
  /** Inngest cron (UTC), for hosted mode. */
  cron: string;
  /** How often the embedded ticker runs it. */
  everyMs: number;
  run: () => Promise<unknown>;
}

/** Every periodic job, in one place: Inngest crons and the embedded ticker are both built from this list. */
export const periodicJobs: PeriodicJob[] = [
  { id: "prune-expired-auth-data", cron: "17 * * * *", everyMs: HOUR, run: () => pruneExpiredAuthData() },
  { id: "email-missed-messages", cron: "* * * * *", everyMs: MINUTE, run: () => sendMissedMessageEmails() },
  { id: "sweep-reminders", cron: "* * * * *", everyMs: MINUTE, run: () => sweepReminders() },
  { id: "email-weekly-summaries", cron: "*/15 * * * *", everyMs: 15 * MINUTE, run: () => sendWeeklySummaries() },
];
