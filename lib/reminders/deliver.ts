import { and, inArray, isNull, sql } from "drizzle-orm";
import ical from "ical-generator";
import { db } from "@/db";
import { connections, lessons, reminderDeliveries, users, type ConnectionStatus, type ReminderOutcome } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { sendEmails } from "@/lib/email";
import { LessonReminder } from "@/lib/email/templates/lesson-reminder";
import { appUrl } from "@/lib/env";
import { runInline, type StepRunner } from "@/lib/jobs/events";
import { notifyEach } from "@/lib/notifications";
import { wantedChannels, type Channel } from "@/lib/notifications/preference-categories";
import { preferencesOf } from "@/lib/notifications/preferences";
import { sendPushes } from "@/lib/push";
import { formatDateTime, formatDay, formatTimeRange, zoneLabel } from "@/lib/time";

/**
 * The deliveries and what they are about, read fresh, with each recipient's current choices: every step reads them
 * again. Each table is read by its keys in a statement of its own: joined, the planner hashes whole tables of lessons
 * and people for a batch of a hundred, and that grows with the studio.
 */
async function readDeliveries(deliveryIds: readonly string[]) {
  if (deliveryIds.length === 0) return [];
  const deliveries = await db
    .select()
    .from(reminderDeliveries)
    .where(inArray(reminderDeliveries.id, [...deliveryIds]));
  if (deliveries.length === 0) return [];
  const lessonRows = await db
    .select({
      id: lessons.id,
      status: lessons.status,
      startsAt: lessons.startsAt,
      endsAt: lessons.endsAt,
      location: lessons.location,
      teacherId: lessons.teacherId,
      studentId: lessons.studentId,
      connectionStatus: sql<ConnectionStatus>`(select ${connections.status} from ${connections} where ${connections.id} = ${lessons.connectionId})`,
    })
    .from(lessons)
    .where(inArray(lessons.id, [...new Set(deliveries.map((delivery) => delivery.lessonId))]));
  const lessonsById = new Map(lessonRows.map((lesson) => [lesson.id, lesson]));
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email, timezone: users.timezone, role: users.role })
    .from(users)
    .where(inArray(users.id, [...new Set(lessonRows.flatMap((lesson) => [lesson.teacherId, lesson.studentId]))]));
  const peopleById = new Map(people.map((person) => [person.id, person]));
  const choices = await preferencesOf(deliveries.map((delivery) => delivery.userId));
  return deliveries.flatMap((delivery) => {
    const lesson = lessonsById.get(delivery.lessonId);
    const reader = peopleById.get(delivery.userId);
    if (!lesson || !reader) return [];
    const other = peopleById.get(delivery.userId === lesson.teacherId ? lesson.studentId : lesson.teacherId);
    return [
      {
        delivery,
        lesson,
        recipient: reader,
        otherName: other?.name ?? "",
        choices: choices.get(delivery.userId)!,
      },
    ];
  });
}

type Current = Awaited<ReturnType<typeof readDeliveries>>[number];

/**
 * Why a claimed reminder must not be sent now, if it must not: the lesson was cancelled or moved (a moved lesson has
 * its own reminders, claimed under its new start), the connection ended, the lesson began, or the person no longer
 * wants this reminder at all.
 */
function refusal(current: Current, now: Date): ReminderOutcome | null {
  const { delivery, lesson, choices } = current;
  const unchanged = lesson.status === "scheduled" && lesson.startsAt.getTime() === delivery.lessonStartsAt.getTime();
  if (!unchanged || lesson.connectionStatus !== "accepted" || lesson.startsAt <= now) return "lesson-changed";
  const channels = wantedChannels(choices, "lesson.reminder");
  if (!choices.reminderLeadMinutes.includes(delivery.leadMinutes as never) || !(channels.inApp || channels.email || channels.push)) {
    return "opted-out";
  }
  return null;
}

export interface ReminderDeliveryResult {
  deliveryId: string;
  outcome: ReminderOutcome | "already-done" | "missing";
  channels: Channel[];
}

/**
 * Sends claimed reminders, a batch at a time: each channel is one step for the whole batch, marked on each delivery
 * row when done, so a retry (Inngest's, or the sweep sending a stalled delivery again) sends only what has not gone,
 * and a failed channel never re-sends another. Every step re-reads the lessons and choices, so a cancellation between
 * steps stops the rest for that lesson. The in-app notices are stored in the same transaction as their marks (once);
 * each email carries its delivery id as its idempotency key (Resend and the outbox keep one per key); push is marked
 * before it is sent (at most once). The reads and marks are set-based: a batch costs a few statements, not a few per
 * reminder.
 */
export async function deliverReminders(
  deliveryIds: readonly string[],
  step: StepRunner = runInline,
  now = () => new Date(),
): Promise<ReminderDeliveryResult[]> {
  const first = new Map((await readDeliveries(deliveryIds)).map((row) => [row.delivery.id, row]));
  const results = new Map<string, ReminderDeliveryResult>(
    [...new Set(deliveryIds)].map((deliveryId) => {
      const row = first.get(deliveryId);
      const outcome = !row ? "missing" : row.delivery.deliveredAt ? "already-done" : null;
      return [deliveryId, { deliveryId, outcome: outcome ?? "sent", channels: [] }];
    }),
  );
  const pending = [...first.values()].filter((row) => !row.delivery.deliveredAt);

  const stopped = await step("check", async () =>
    pending.flatMap((row) => {
      const outcome = refusal(row, now());
      return outcome ? [[row.delivery.id, outcome] as const] : [];
    }),
  );
  await finish(stopped);
  const refused = new Set(stopped.map(([id]) => id));
  const going = pending.map((row) => row.delivery.id).filter((id) => !refused.has(id));

  // Each step re-reads the lessons and the choices: a cancellation between steps stops the rest.
  const channelStep = async (channel: Channel, send: (due: Current[]) => Promise<string[]>) => {
    const sentIds = await step(channel, async () => {
      const due = (await readDeliveries(going)).filter(
        (current) => !refusal(current, now()) && wantedChannels(current.choices, "lesson.reminder")[channel],
      );
      return due.length === 0 ? [] : send(due);
    });
    for (const id of sentIds) results.get(id)!.channels.push(channel);
  };
  await channelStep("inApp", sendInApp);
  await channelStep("email", sendReminderEmails);
  await channelStep("push", sendReminderPushes);

  const last = new Map((await readDeliveries(going)).map((row) => [row.delivery.id, row]));
  const outcomes = going.map((id) => {
    const row = last.get(id);
    return [id, row ? (refusal(row, now()) ?? "sent") : "lesson-changed"] as const;
  });
  await finish(outcomes);
  for (const [id, outcome] of [...stopped, ...outcomes]) results.get(id)!.outcome = outcome;
  return [...results.values()];
}

/** Marks deliveries done with their outcomes, one statement per outcome; a delivery already done keeps its first. */
async function finish(outcomes: readonly (readonly [string, ReminderOutcome])[]): Promise<void> {
  const byOutcome = new Map<ReminderOutcome, string[]>();
  for (const [id, outcome] of outcomes) byOutcome.set(outcome, [...(byOutcome.get(outcome) ?? []), id]);
  for (const [outcome, ids] of byOutcome) {
    await db
      .update(reminderDeliveries)
      .set({ deliveredAt: new Date(), outcome })
      .where(and(inArray(reminderDeliveries.id, ids), isNull(reminderDeliveries.deliveredAt)));
  }
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

async function sendInApp(due: Current[]): Promise<string[]> {
  return inTransaction(async (scope) => {
    const marked = await scope.tx
      .update(reminderDeliveries)
      .set({ inAppSentAt: new Date() })
      .where(
        and(
          inArray(
            reminderDeliveries.id,
            due.map((current) => current.delivery.id),
          ),
          isNull(reminderDeliveries.inAppSentAt),
        ),
      )
      .returning({ id: reminderDeliveries.id });
    const markedIds = new Set(marked.map((row) => row.id));
    const notices = due.filter((current) => markedIds.has(current.delivery.id));
    await notifyEach(
      notices.map((current) => {
        const { title, body, link } = describe(current);
        return {
          recipientId: current.recipient.id,
          input: { type: "lesson.reminder", title, body, link, data: { lessonId: current.lesson.id, deliveryId: current.delivery.id } },
        };
      }),
      scope,
    );
    return notices.map((current) => current.delivery.id);
  });
}

async function sendReminderEmails(due: Current[]): Promise<string[]> {
  const unsent = due.filter((current) => !current.delivery.emailSentAt);
  if (unsent.length === 0) return [];
  await sendEmails(
    unsent.map((current) => {
      const { lesson, recipient: reader, otherName } = current;
      const { title, link } = describe(current);
      return {
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
      };
    }),
  );
  const ids = unsent.map((current) => current.delivery.id);
  await db.update(reminderDeliveries).set({ emailSentAt: new Date() }).where(inArray(reminderDeliveries.id, ids));
  return ids;
}

async function sendReminderPushes(due: Current[]): Promise<string[]> {
  const marked = await db
    .update(reminderDeliveries)
    .set({ pushSentAt: new Date() })
    .where(
      and(
        inArray(
          reminderDeliveries.id,
          due.map((current) => current.delivery.id),
        ),
        isNull(reminderDeliveries.pushSentAt),
      ),
    )
    .returning({ id: reminderDeliveries.id });
  const markedIds = new Set(marked.map((row) => row.id));
  const pushes = due.filter((current) => markedIds.has(current.delivery.id));
  await sendPushes(
    pushes.map((current) => {
      const { title, body, link } = describe(current);
      return { userId: current.recipient.id, payload: { title, body, url: link, tag: `reminder-${current.delivery.id}` } };
    }),
  );
  return pushes.map((current) => current.delivery.id);
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
