import { and, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import ical from "ical-generator";
import { db } from "@/db";
import { connections, lessons, reminderDeliveries, users, type ReminderOutcome } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { sendEmail } from "@/lib/email";
import { LessonReminder } from "@/lib/email/templates/lesson-reminder";
import { appUrl } from "@/lib/env";
import { runInline, type StepRunner } from "@/lib/jobs/events";
import { notify } from "@/lib/notifications";
import { wantedChannels, type Channel } from "@/lib/notifications/preference-categories";
import { getNotificationPreferences } from "@/lib/notifications/preferences";
import { sendPush } from "@/lib/push";
import { formatDateTime, formatDay, formatTimeRange, zoneLabel } from "@/lib/time";

const recipient = alias(users, "recipient");
const otherParty = alias(users, "other_party");

/** The delivery and what it is about, read fresh: every channel's step calls this just before it sends. */
async function readDelivery(deliveryId: string) {
  const [row] = await db
    .select({
      delivery: reminderDeliveries,
      lesson: { id: lessons.id, status: lessons.status, startsAt: lessons.startsAt, endsAt: lessons.endsAt, location: lessons.location },
      connectionStatus: connections.status,
      recipient: { id: recipient.id, name: recipient.name, email: recipient.email, timezone: recipient.timezone, role: recipient.role },
      otherName: otherParty.name,
    })
    .from(reminderDeliveries)
    .innerJoin(lessons, eq(lessons.id, reminderDeliveries.lessonId))
    .innerJoin(connections, eq(connections.id, lessons.connectionId))
    .innerJoin(recipient, eq(recipient.id, reminderDeliveries.userId))
    .innerJoin(
      otherParty,
      eq(
        otherParty.id,
        sql`case when ${reminderDeliveries.userId} = ${lessons.teacherId} then ${lessons.studentId} else ${lessons.teacherId} end`,
      ),
    )
    .where(eq(reminderDeliveries.id, deliveryId))
    .limit(1);
  return row;
}

type Current = NonNullable<Awaited<ReturnType<typeof readDelivery>>>;

/**
 * Why a claimed reminder must not be sent now, if it must not: the lesson was cancelled or moved (a moved lesson has
 * its own reminders, claimed under its new start), the connection ended, the lesson began, or the person no longer
 * wants this reminder at all.
 */
async function refusal(current: Current, now: Date): Promise<ReminderOutcome | null> {
  const { delivery, lesson, connectionStatus } = current;
  const unchanged = lesson.status === "scheduled" && lesson.startsAt.getTime() === delivery.lessonStartsAt.getTime();
  if (!unchanged || connectionStatus !== "accepted" || lesson.startsAt <= now) return "lesson-changed";
  const choices = await getNotificationPreferences(current.recipient);
  const channels = wantedChannels(choices, "lesson.reminder");
  if (!choices.reminderLeadMinutes.includes(delivery.leadMinutes as never) || !(channels.inApp || channels.email || channels.push)) {
    return "opted-out";
  }
  return null;
}

async function wants(current: Current, channel: Channel): Promise<boolean> {
  return wantedChannels(await getNotificationPreferences(current.recipient), "lesson.reminder")[channel];
}

export interface ReminderDeliveryResult {
  outcome: ReminderOutcome | "already-done" | "missing";
  channels: Channel[];
}

/**
 * Sends one claimed reminder: each channel is its own step, marked on the delivery row when done, so a retry (Inngest's,
 * or the sweep sending a stalled delivery again) sends only what has not gone, and a failed channel never re-sends
 * another. The in-app notice is stored in the same transaction as its mark (once); the email carries the delivery id as
 * its idempotency key (Resend and the outbox keep one per key); push is marked before it is sent (at most once).
 */
export async function deliverReminder(
  deliveryId: string,
  step: StepRunner = runInline,
  now = () => new Date(),
): Promise<ReminderDeliveryResult> {
  const first = await readDelivery(deliveryId);
  if (!first) return { outcome: "missing", channels: [] };
  if (first.delivery.deliveredAt) return { outcome: "already-done", channels: [] };

  const sent: Channel[] = [];
  const stopped = await step("check", async () => refusal(first, now()));
  if (stopped) return finish(deliveryId, stopped, sent);

  // Each step re-reads the lesson and the choice: a cancellation between steps stops the rest.
  const channelStep = (channel: Channel, send: (current: Current) => Promise<boolean>) =>
    step(channel, async () => {
      const current = await readDelivery(deliveryId);
      if (!current || (await refusal(current, now())) || !(await wants(current, channel))) return false;
      return send(current);
    });

  if (await channelStep("inApp", sendInApp)) sent.push("inApp");
  if (await channelStep("email", sendReminderEmail)) sent.push("email");
  if (await channelStep("push", sendReminderPush)) sent.push("push");

  const last = await readDelivery(deliveryId);
  return finish(deliveryId, last ? ((await refusal(last, now())) ?? "sent") : "lesson-changed", sent);
}

async function finish(deliveryId: string, outcome: ReminderOutcome, channels: Channel[]): Promise<ReminderDeliveryResult> {
  await db
    .update(reminderDeliveries)
    .set({ deliveredAt: new Date(), outcome })
    .where(and(eq(reminderDeliveries.id, deliveryId), isNull(reminderDeliveries.deliveredAt)));
  return { outcome, channels };
}

function leadPhrase(minutes: number): string {
  if (minutes < 60) return `in ${minutes} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? "in 1 hour" : `in ${hours} hours`;
}

function describe(current: Current) {
  const { lesson, delivery, recipient: reader, otherName } = current;
  const zone = reader.timezone;
  return {
    title: `Lesson with ${otherName} ${leadPhrase(delivery.leadMinutes)}`,
    body: [`${formatDateTime(lesson.startsAt, zone)} ${zoneLabel(zone, lesson.startsAt)}`, lesson.location].filter(Boolean).join(" · "),
    link: `/lessons/${lesson.id}`,
  };
}

async function sendInApp(current: Current): Promise<boolean> {
  const { title, body, link } = describe(current);
  return inTransaction(async (scope) => {
    const [marked] = await scope.tx
      .update(reminderDeliveries)
      .set({ inAppSentAt: new Date() })
      .where(and(eq(reminderDeliveries.id, current.delivery.id), isNull(reminderDeliveries.inAppSentAt)))
      .returning({ id: reminderDeliveries.id });
    if (!marked) return false;
    await notify(
      [current.recipient.id],
      { type: "lesson.reminder", title, body, link, data: { lessonId: current.lesson.id, deliveryId: current.delivery.id } },
      scope,
    );
    return true;
  });
}

async function sendReminderEmail(current: Current): Promise<boolean> {
  if (current.delivery.emailSentAt) return false;
  const { lesson, recipient: reader, otherName } = current;
  const { title, link } = describe(current);
  await sendEmail({
    to: reader.email,
    subject: title,
    react: LessonReminder({
      name: reader.name,
      headline: title,
      when: `${formatDay(lesson.startsAt, reader.timezone)}, ${formatTimeRange(lesson.startsAt, lesson.endsAt, reader.timezone)}`,
      zone: zoneLabel(reader.timezone, lesson.startsAt),
      otherParty: { label: reader.role === "teacher" ? "Student" : "Teacher", name: otherName },
      location: lesson.location,
      url: appUrl(link),
    }),
    idempotencyKey: current.delivery.id,
    attachments: [{ filename: "lesson.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: lessonIcs(current) }],
  });
  await db.update(reminderDeliveries).set({ emailSentAt: new Date() }).where(eq(reminderDeliveries.id, current.delivery.id));
  return true;
}

async function sendReminderPush(current: Current): Promise<boolean> {
  const [marked] = await db
    .update(reminderDeliveries)
    .set({ pushSentAt: new Date() })
    .where(and(eq(reminderDeliveries.id, current.delivery.id), isNull(reminderDeliveries.pushSentAt)))
    .returning({ id: reminderDeliveries.id });
  if (!marked) return false;
  const { title, body, link } = describe(current);
  await sendPush(current.recipient.id, { title, body, url: link, tag: `reminder-${current.delivery.id}` });
  return true;
}

/** The same event id as the calendar feed's, so a calendar that has both keeps one. Text goes through ical-generator's escaping. */
function lessonIcs({ lesson, otherName }: Current): string {
  const calendar = ical({ prodId: { company: "MusBook", product: "Lessons", language: "EN" } });
  calendar.createEvent({
    id: `lesson-${lesson.id}@musbook`,
    start: lesson.startsAt,
    end: lesson.endsAt,
    summary: `Lesson with ${otherName}`,
    location: lesson.location ?? undefined,
    url: appUrl(`/lessons/${lesson.id}`),
  });
  return calendar.toString();
}
