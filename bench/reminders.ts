import fs from "node:fs";
import { settleBackgroundWork } from "@/lib/background";
import { claimDueReminders, sweepReminders } from "@/lib/reminders/sweep";
import { explainAll, installForDomainCode, timeQuery, type BenchDatabase } from "./database";

export interface SweepFigures {
  medianMs: number;
  /** The plan reads lessons through an index, never a sequential scan. */
  indexScan: boolean;
}

/**
 * The sweep's claim statement on a generated studio, at instants through the coming week (each finds what falls due
 * then), with its EXPLAIN ANALYZE plan saved to `planFile`.
 */
export async function measureReminderSweep(database: BenchDatabase, repeats: number, planFile: string): Promise<SweepFigures> {
  installForDomainCode(database);
  let step = 0;
  const nextInstant = () => new Date(Date.now() + (step++ % (7 * 24 * 4)) * 15 * 60_000);
  const timing = await timeQuery(() => claimDueReminders(nextInstant()), repeats);
  await explainAll(database, () => claimDueReminders(nextInstant()), planFile, "The reminder sweep's claim (one statement)");
  const plan = fs.readFileSync(planFile, "utf8");
  return { medianMs: timing.medianMs, indexScan: /Index (Only )?Scan[^\n]* on lessons/.test(plan) && !/Seq Scan on lessons/.test(plan) };
}

export interface DeliveryFigures {
  due: number;
  seconds: number;
  /** Every reminder delivered, with one in-app notice and one email each, although two sweeps ran at once. */
  exactlyOnce: boolean;
  counts: { deliveries: number; delivered: number; notices: number; emails: number };
}

/**
 * `pairs` teachers and students, one lesson each, starting just inside the 1-hour lead (a default): 2 × pairs reminders
 * due at once. Two sweeps run concurrently, then the embedded delivery (in-app notice, email to the outbox) runs to
 * completion; the time is from the sweeps' start until the last delivery is done.
 */
export async function measureReminderDelivery(database: BenchDatabase, pairs: number): Promise<DeliveryFigures> {
  installForDomainCode(database);
  const now = new Date();
  const startsAt = new Date(now.getTime() + 59 * 60_000).toISOString();
  const endsAt = new Date(now.getTime() + 104 * 60_000).toISOString();
  const booked = new Date(now.getTime() - 86_400_000).toISOString();
  await database.query(
    `insert into users (id, email, name, role, timezone, password_hash, email_verified_at)
     select gen_random_uuid(), 'reminder-' || role || '-' || n || '@bench.musbook.test', initcap(role::text) || ' ' || n, role, 'Europe/London', 'x', $1::timestamptz
     from generate_series(1, $2::int) as n cross join (values ('teacher'::user_role), ('student'::user_role)) as roles(role)`,
    [booked, pairs],
  );
  await database.query(
    `insert into connections (teacher_id, student_id, invited_email, status, invited_at, responded_at)
     select t.id, s.id, s.email, 'accepted', $1::timestamptz, $1::timestamptz
     from users t join users s on s.email = replace(t.email, 'reminder-teacher-', 'reminder-student-')
     where t.email like 'reminder-teacher-%'`,
    [booked],
  );
  await database.query(
    `insert into lessons (connection_id, teacher_id, student_id, starts_at, ends_at, status, created_at)
     select c.id, c.teacher_id, c.student_id, $1::timestamptz, $2::timestamptz, 'scheduled', $3::timestamptz
     from connections c join users t on t.id = c.teacher_id where t.email like 'reminder-teacher-%'`,
    [startsAt, endsAt, booked],
  );

  const started = performance.now();
  await Promise.all([sweepReminders(now), sweepReminders(now)]);
  await settleBackgroundWork();
  const seconds = (performance.now() - started) / 1000;

  const count = async (text: string) => Number(((await database.query(text)) as { rows: { count: string | number }[] }).rows[0]!.count);
  const mine = `user_id in (select id from users where email like 'reminder-%')`;
  const counts = {
    deliveries: await count(`select count(*) from reminder_deliveries where ${mine}`),
    delivered: await count(`select count(*) from reminder_deliveries where ${mine} and delivered_at is not null`),
    notices: await count(`select count(*) from notifications where type = 'lesson.reminder' and ${mine}`),
    emails: await count(`select count(*) from email_outbox where to_address like 'reminder-%'`),
  };
  const due = 2 * pairs;
  return { due, seconds, counts, exactlyOnce: Object.values(counts).every((value) => value === due) };
}
