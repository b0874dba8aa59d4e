import path from "node:path";
import { eq } from "drizzle-orm";
import { statisticsSnapshots, users } from "@/db/schema";
import { DASHBOARD_LIST_LIMITS, getDashboard } from "@/lib/dashboard/queries";
import { studioStatistics } from "@/lib/dashboard/statistics";
import { listUnreadConversations } from "@/lib/messaging/queries";
import { assignmentsDue } from "@/lib/practice/queries";
import { unreadNotificationCount } from "@/lib/notifications";
import { reminderSettingsOf } from "@/lib/reminders/summary";
import { getCalendarItems } from "@/lib/scheduling/queries";
import { explainAll, timeQuery, installForDomainCode, type BenchDatabase, type QueryTiming } from "./database";

export interface DomainFigures {
  calendarMonth: QueryTiming;
  dashboard: QueryTiming;
  /** The statistics when no snapshot serves them: the first dashboard after a lesson, practice or assignment changes. */
  statisticsRecomputed: QueryTiming;
}

/** The month the calendar opens on, padded to whole weeks the way its month view asks for it. */
function monthWindow(now: Date): [Date, Date] {
  const first = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const next = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return [new Date(first - 7 * 86_400_000), new Date(next + 7 * 86_400_000)];
}

/**
 * The busy teacher's calendar month and dashboard (its queries plus the shell's unread counts), timed by
 * calling the domain functions the pages call; with `plansDir`, their EXPLAIN plans are saved there.
 */
export async function measureDomain(
  database: BenchDatabase,
  teacherId: string,
  repeats: number,
  plansDir?: string,
): Promise<DomainFigures> {
  installForDomainCode(database);
  const [viewer] = await database.handle.db.select().from(users).where(eq(users.id, teacherId));
  if (!viewer) throw new Error("The busy teacher is missing from the bench database.");
  const now = new Date();
  const [start, end] = monthWindow(now);
  const calendar = () => getCalendarItems(viewer, start, end, viewer.timezone);
  // Every query the dashboard page runs with a year of statistics, the shell's unread counts included (the session's
  // user lookup aside; the shell's unread conversations are the card's rows, read once a request).
  const dashboard = () =>
    Promise.all([
      getDashboard(viewer, now),
      listUnreadConversations(viewer, DASHBOARD_LIST_LIMITS.unreadConversations),
      unreadNotificationCount(viewer),
      reminderSettingsOf(viewer),
      assignmentsDue(viewer, DASHBOARD_LIST_LIMITS.assignmentsDue, now),
      studioStatistics(viewer, viewer.timezone, 52, now),
    ]);
  const recompute = async () => {
    await database.handle.db.delete(statisticsSnapshots).where(eq(statisticsSnapshots.userId, viewer.id));
    return studioStatistics(viewer, viewer.timezone, 52, now);
  };
  const figures = {
    calendarMonth: await timeQuery(calendar, repeats),
    dashboard: await timeQuery(dashboard, repeats),
    statisticsRecomputed: await timeQuery(recompute, repeats),
  };
  if (plansDir) {
    await explainAll(database, calendar, path.join(plansDir, "calendar-month.txt"), "A month of the busy teacher's calendar");
    await explainAll(database, dashboard, path.join(plansDir, "dashboard.txt"), "The busy teacher's dashboard and unread count");
    await explainAll(database, recompute, path.join(plansDir, "statistics-recomputed.txt"), "A year of statistics with no snapshot");
  }
  return figures;
}
