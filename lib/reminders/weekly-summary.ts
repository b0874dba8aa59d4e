import { and, asc, count, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { lessons, notificationPreferences, users, weeklySummaryDeliveries } from "@/db/schema";
import { lessonsOf, otherPartyOfLesson, type Viewer } from "@/lib/access";
import { sendEmail } from "@/lib/email";
import { WeeklySummary, type WeeklySummaryContent } from "@/lib/email/templates/weekly-summary";
import { appUrl } from "@/lib/env";
import { listUnreadConversations } from "@/lib/messaging/queries";
import { DEFAULT_PREFERENCES } from "@/lib/notifications/preference-categories";
import { formatDateTime, WEEK, zoneLabel } from "@/lib/time";

/** Sunday at 18:00 in each person's own zone; a run every 15 minutes finds every zone (some are :30 or :45 off UTC) within the hour. */
export const SUMMARY_WEEKDAY = 7;
export const SUMMARY_HOUR = 18;
const SUMMARIES_PER_RUN = 500;

type Reader = Pick<Viewer, "id" | "role"> & { name: string; email: string; timezone: string };

/**
 * Emails the weekly summary to everyone who keeps it on and whose local clock reads Sunday 18:xx. Each is claimed
 * first by inserting (person, that Sunday's local date): the key admits one row, so overlapping or repeated runs
 * send at most one a week. A send that fails gives the claim back for the next run within the hour.
 */
export async function sendWeeklySummaries(now = new Date()): Promise<{ sent: number }> {
  const localNow = sql`(${now.toISOString()}::timestamptz at time zone ${users.timezone})`;
  const claimed = (await db.execute(sql`
    insert into ${weeklySummaryDeliveries} (user_id, week_of, claimed_at)
    select ${users.id}, ${localNow}::date, ${now.toISOString()}::timestamptz
    from ${users}
    left join ${notificationPreferences} on ${notificationPreferences.userId} = ${users.id}
    where coalesce(${notificationPreferences.weeklySummary}, ${DEFAULT_PREFERENCES.weeklySummary})
      and ${users.emailVerifiedAt} is not null
      and extract(isodow from ${localNow}) = ${SUMMARY_WEEKDAY}
      and extract(hour from ${localNow}) = ${SUMMARY_HOUR}
    limit ${SUMMARIES_PER_RUN}
    on conflict do nothing
    returning user_id as "userId", week_of as "weekOf"`)) as unknown as { rows: { userId: string; weekOf: string }[] };
  if (claimed.rows.length === 0) return { sent: 0 };

  const readers = await db
    .select({ id: users.id, role: users.role, name: users.name, email: users.email, timezone: users.timezone })
    .from(users)
    .where(
      inArray(
        users.id,
        claimed.rows.map((row) => row.userId),
      ),
    );
  let sent = 0;
  for (const { userId, weekOf } of claimed.rows) {
    const reader = readers.find((candidate) => candidate.id === userId);
    if (!reader) continue;
    try {
      await sendEmail({
        to: reader.email,
        subject: "Your week ahead on MusBook",
        react: WeeklySummary(await weeklySummaryFor(reader, now)),
        idempotencyKey: `weekly-summary:${userId}:${weekOf}`,
      });
      await db
        .update(weeklySummaryDeliveries)
        .set({ sentAt: new Date() })
        .where(and(eq(weeklySummaryDeliveries.userId, userId), eq(weeklySummaryDeliveries.weekOf, weekOf)));
      sent++;
    } catch (error) {
      await db
        .delete(weeklySummaryDeliveries)
        .where(and(eq(weeklySummaryDeliveries.userId, userId), eq(weeklySummaryDeliveries.weekOf, weekOf)));
      console.error(`[reminders] weekly summary not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { sent };
}

const otherParty = alias(users, "other_party");
/** The newest few: an email names people, the inbox has the rest. */
const SUMMARY_CONVERSATIONS = 10;

export async function weeklySummaryFor(reader: Reader, now: Date): Promise<WeeklySummaryContent> {
  const weekAhead = new Date(now.getTime() + WEEK);
  const weekBefore = new Date(now.getTime() - WEEK);
  const [coming, conversations, attendance] = await Promise.all([
    db
      .select({ startsAt: lessons.startsAt, with: otherParty.name })
      .from(lessons)
      .innerJoin(otherParty, eq(otherParty.id, otherPartyOfLesson(reader)))
      .where(and(lessonsOf(reader), eq(lessons.status, "scheduled"), gte(lessons.startsAt, now), lt(lessons.startsAt, weekAhead)))
      .orderBy(asc(lessons.startsAt)),
    listUnreadConversations(reader, SUMMARY_CONVERSATIONS),
    reader.role === "teacher"
      ? db
          .select({ attendance: lessons.attendance, lessons: count() })
          .from(lessons)
          .where(and(lessonsOf(reader), ne(lessons.status, "cancelled"), gte(lessons.startsAt, weekBefore), lt(lessons.startsAt, now)))
          .groupBy(lessons.attendance)
      : Promise.resolve(null),
  ]);
  const attendanceLabels = { present: "Present", late: "Late", absent: "Absent", excused: "Excused" } as const;
  return {
    name: reader.name,
    lessons: coming.map((lesson) => ({ when: formatDateTime(lesson.startsAt, reader.timezone), with: lesson.with })),
    unread: conversations.items.map((conversation) => ({ from: conversation.other.name, count: conversation.unreadCount })),
    attendance:
      attendance &&
      attendance
        .map((row) => ({ label: row.attendance ? attendanceLabels[row.attendance] : "Not recorded yet", count: row.lessons }))
        .sort((a, b) => b.count - a.count),
    zone: zoneLabel(reader.timezone, now),
    url: appUrl("/dashboard"),
  };
}
