import { and, gt, isNull, lte, sql } from "drizzle-orm";
import { db } from "@/db";
import { connections, lessons, notificationPreferences, reminderDeliveries } from "@/db/schema";
import { allAcceptedConnections } from "@/lib/access";
import { emitAll } from "@/lib/jobs/emit";
import { DEFAULT_PREFERENCES, REMINDER_LEADS_MINUTES } from "@/lib/notifications/preference-categories";
import { channelIncludes } from "@/lib/notifications/preferences";
import { HOUR, MINUTE } from "@/lib/time";

/** A reminder missed by a tick (a restart, a deploy) is still sent if it fell due this recently. */
export const CATCH_UP_MINUTES = 15;
/** A claimed delivery not finished after this long (a crash between claim and send) is sent again; its steps resume. */
export const RESEND_AFTER_MINUTES = 5;
/** ...for this long after its claim, so the retries of a delivery that keeps failing end. */
const RESEND_FOR = HOUR;

export interface SweepResult {
  claimed: number;
  resent: number;
}

/**
 * Finds the reminders due in the catch-up window and claims each by inserting its `reminder_deliveries` row: the
 * unique key (lesson, person, lead, lesson start) lets exactly one of any number of overlapping sweeps have it. One
 * `reminder/due` event per claimed delivery, with the delivery id as the event id, does the sending.
 *
 * Per lead, the lessons starting within (now + lead − window, now + lead] are a range scan of the partial index on
 * scheduled lessons' starts. A reminder that fell due before the lesson was booked is skipped (a lesson booked 20
 * minutes ahead gets no "30 minutes before"); a moved lesson has a new start, so new keys, so fresh reminders.
 */
export async function sweepReminders(now = new Date()): Promise<SweepResult> {
  const claimed = await claimDueReminders(now);
  const stalled = await stalledDeliveries(now);
  const ids = [...claimed, ...stalled.filter((id) => !claimed.includes(id))];
  await emitAll(ids.map((deliveryId) => ({ name: "reminder/due", data: { deliveryId }, id: deliveryId })));
  return { claimed: claimed.length, resent: ids.length - claimed.length };
}

export async function claimDueReminders(now = new Date()): Promise<string[]> {
  const at = now.toISOString();
  const leadsOf = sql`coalesce(${notificationPreferences.reminderLeadMinutes}, ${sql.raw(`'{${DEFAULT_PREFERENCES.reminderLeadMinutes.join(",")}}'::integer[]`)})`;
  const wantsReminders = sql.join(
    (["inAppCategories", "emailCategories", "pushCategories"] as const).map((column) =>
      channelIncludes(notificationPreferences[column], DEFAULT_PREFERENCES[column], "reminders"),
    ),
    sql` or `,
  );
  // One range per lead with its bounds as constants: each is a range scan of the partial index on scheduled lessons'
  // starts. (Bounds computed from a joined list of leads let the planner scan every scheduled lesson instead.)
  const windows = REMINDER_LEADS_MINUTES.map((lead) => {
    const from = new Date(now.getTime() + (lead - CATCH_UP_MINUTES) * MINUTE).toISOString();
    const to = new Date(now.getTime() + lead * MINUTE).toISOString();
    return sql`
      select ${lessons.id}, ${lessons.startsAt}, ${lessons.teacherId}, ${lessons.studentId}, ${lead}::integer as lead_minutes
      from ${lessons}
      inner join ${connections} on ${connections.id} = ${lessons.connectionId} and ${allAcceptedConnections()}
      where ${lessons.status} = 'scheduled'
        and ${lessons.startsAt} > ${from}::timestamptz
        and ${lessons.startsAt} <= ${to}::timestamptz
        and ${lessons.startsAt} - make_interval(mins => ${lead}::integer) >= ${lessons.createdAt}`;
  });
  const result = (await db.execute(sql`
    insert into ${reminderDeliveries} (lesson_id, user_id, lead_minutes, lesson_starts_at, claimed_at)
    select due.id, party.user_id, due.lead_minutes, due.starts_at, ${at}::timestamptz
    from (${sql.join(windows, sql` union all `)}) as due
    cross join lateral (values (due.teacher_id), (due.student_id)) as party(user_id)
    left join ${notificationPreferences} on ${notificationPreferences.userId} = party.user_id
    where due.lead_minutes = any(${leadsOf}) and (${wantsReminders})
    on conflict on constraint reminder_deliveries_once_key do nothing
    returning id`)) as unknown as { rows: { id: string }[] };
  return result.rows.map((row) => row.id);
}

async function stalledDeliveries(now: Date): Promise<string[]> {
  const rows = await db
    .select({ id: reminderDeliveries.id })
    .from(reminderDeliveries)
    .where(
      and(
        isNull(reminderDeliveries.deliveredAt),
        lte(reminderDeliveries.claimedAt, new Date(now.getTime() - RESEND_AFTER_MINUTES * MINUTE)),
        gt(reminderDeliveries.claimedAt, new Date(now.getTime() - RESEND_FOR)),
      ),
    );
  return rows.map((row) => row.id);
}
