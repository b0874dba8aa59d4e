import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { connections, lessons, notificationPreferences, reminderDeliveries, type User } from "@/db/schema";
import { settleBackgroundWork } from "@/lib/background";
import { runInline, type StepRunner } from "@/lib/jobs/events";
import { utcToZoned } from "@/lib/time";
import { setupTestDatabase } from "@/tests/database";
import { countStatements } from "@/tests/statements";
import { pushedUserIds } from "@/tests/push-recorder";
import { deliveriesOf, emailsTo, lessonAt, minutesAfter, minutesBefore, pairIn, remindersIn } from "./helpers";

vi.mock("@/lib/push", () => import("@/tests/push-recorder"));
vi.mock("@/lib/realtime", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/realtime")>()),
  publish: async () => true,
}));

const { claimDueReminders, sweepReminders, CATCH_UP_MINUTES } = await import("@/lib/reminders/sweep");
const { deliverReminders } = await import("@/lib/reminders/deliver");

/** One delivery, as a batch of one: its outcome and the channels it sent. */
async function deliverReminder(deliveryId: string, step?: StepRunner, now?: () => Date) {
  const [result] = await deliverReminders([deliveryId], step, now);
  const { outcome, channels } = result!;
  return { outcome, channels };
}

setupTestDatabase();

afterEach(async () => {
  await settleBackgroundWork();
  pushedUserIds.length = 0;
});

/** The frozen clock of these tests: every call is given its instant. */
const at = (instant: Date) => () => instant;

const LEADS = [1440, 60, 30] as const;

describe("T24: reminder timing across DST", () => {
  // A Monday in winter, and the Mondays after the 2027 spring and autumn changes of each zone.
  const mondays: Record<string, string[]> = {
    "Europe/London": ["2027-02-01", "2027-03-29", "2027-11-01"],
    "America/New_York": ["2027-02-01", "2027-03-15", "2027-11-08"],
    "Australia/Sydney": ["2027-02-01", "2027-04-05", "2027-10-04"],
  };

  it(
    "a 17:00 lesson gets its 24 h, 1 h and 30 min reminders at the right instants, once, in London, New York and Sydney",
    { timeout: 240_000 },
    async () => {
      const expected: { lessonId: string; lead: number; due: Date; zone: string; studentId: string }[] = [];
      for (const [zone, dates] of Object.entries(mondays)) {
        const { connection, student } = await pairIn(zone);
        for (const date of dates) {
          const lesson = await lessonAt(connection, date, "17:00", zone);
          for (const lead of LEADS)
            expected.push({ lessonId: lesson.id, lead, due: minutesBefore(lesson.startsAt, lead), zone, studentId: student.id });
        }
      }
      // A ticker's minutes around every due instant (from 3 minutes before to 3 after), in order.
      const ticks = [
        ...new Set(expected.flatMap(({ due }) => [-3, -2, -1, 0, 1, 2, 3].map((offset) => minutesAfter(due, offset).getTime()))),
      ]
        .sort((a, b) => a - b)
        .map((time) => new Date(time));
      const claimedAt = new Map<string, Date>();
      for (const tick of ticks) {
        for (const id of await claimDueReminders(tick)) {
          expect(claimedAt.has(id)).toBe(false);
          claimedAt.set(id, tick);
        }
      }
      const rows = await db.select().from(reminderDeliveries);
      expect(rows).toHaveLength(expected.length);
      for (const want of expected) {
        const row = rows.find((candidate) => candidate.lessonId === want.lessonId && candidate.leadMinutes === want.lead);
        expect(row, `${want.zone} ${want.lead}`).toBeDefined();
        // Elapsed time: "24 h before" is 24 hours before, whatever the clocks did.
        expect(claimedAt.get(row!.id)!.toISOString(), `${want.zone} ${want.lead} min`).toBe(want.due.toISOString());
        if (want.lead === 1440) {
          const local = utcToZoned(want.due, want.zone);
          expect(`${local.hour}:${local.minute}`, `${want.zone}: the Sunday before at 17:00`).toBe("17:0");
        }
      }

      // Delivered at its instant, each once: the notice and the email say 17:00 in the reader's zone.
      for (const row of rows)
        expect(await deliverReminder(row.id, runInline, at(claimedAt.get(row.id)!))).toMatchObject({ outcome: "sent" });
      for (const studentId of new Set(expected.map((want) => want.studentId))) {
        const notices = await remindersIn({ id: studentId });
        expect(notices).toHaveLength(9);
        for (const notice of notices) expect(notice.body).toMatch(/^Mon \d+ \w+, 17:00 /);
      }
    },
  );

  it("catches up a reminder missed by up to 15 minutes of downtime, and never sends one later than that", async () => {
    const { connection, student } = await pairIn("Europe/London", { reminderLeadMinutes: [30] });
    const caughtUp = await lessonAt(connection, "2027-03-29", "17:00", "Europe/London");
    const missed = await lessonAt(connection, "2027-03-30", "17:00", "Europe/London");
    expect(await claimDueReminders(minutesAfter(minutesBefore(caughtUp.startsAt, 30), CATCH_UP_MINUTES - 1))).toHaveLength(1);
    expect(await claimDueReminders(minutesAfter(minutesBefore(missed.startsAt, 30), CATCH_UP_MINUTES))).toHaveLength(0);
    expect((await deliveriesOf(student)).map((row) => row.lessonId)).toEqual([caughtUp.id]);
  });

  it("sends no reminder that fell due before the lesson was booked", async () => {
    const { connection, student } = await pairIn("Europe/London", { reminderLeadMinutes: [30, 60] });
    const lesson = await lessonAt(connection, "2027-03-29", "17:00", "Europe/London");
    // Booked 40 minutes ahead: the hour's reminder was due before it existed.
    await db
      .update(lessons)
      .set({ createdAt: minutesBefore(lesson.startsAt, 40) })
      .where(eq(lessons.id, lesson.id));
    await claimDueReminders(minutesBefore(lesson.startsAt, 35));
    await claimDueReminders(minutesBefore(lesson.startsAt, 30));
    expect((await deliveriesOf(student)).map((row) => row.leadMinutes)).toEqual([30]);
  });
});

describe("T25: exactly once under overlap and retries", () => {
  it("two sweeps at once claim and send each reminder once", async () => {
    const { connection, student, teacher } = await pairIn("Europe/London", { reminderLeadMinutes: [30] });
    await db
      .update(notificationPreferences)
      .set({ reminderLeadMinutes: [30] })
      .where(eq(notificationPreferences.userId, teacher.id));
    const starts = ["17:00", "18:00", "19:00"];
    const booked = [];
    for (const time of starts) booked.push(await lessonAt(connection, "2027-02-01", time, "Europe/London"));
    // One tick late enough to find all three.
    const now = minutesBefore(booked[0]!.startsAt, 30);
    const lessonsDue = await Promise.all(booked.map((lesson) => minutesBefore(lesson.startsAt, 30)));
    const runs = await Promise.all([sweepReminders(now), sweepReminders(now)]);
    expect(runs.reduce((total, run) => total + run.claimed, 0)).toBe(2); // the 17:00 lesson, for both parties
    const later = await Promise.all([sweepReminders(lessonsDue[1]!), sweepReminders(lessonsDue[1]!), sweepReminders(lessonsDue[2]!)]);
    expect(later.reduce((total, run) => total + run.claimed, 0)).toBe(4);
    await settleBackgroundWork();
    for (const person of [student, teacher]) {
      expect(await remindersIn(person)).toHaveLength(3);
      expect(await emailsTo(person)).toHaveLength(3);
      expect((await deliveriesOf(person)).every((row) => row.outcome === "sent" && row.deliveredAt)).toBe(true);
    }
    expect(pushedUserIds.sort()).toEqual([student.id, student.id, student.id, teacher.id, teacher.id, teacher.id].sort());
  });

  it("a sweep that crashed between claim and send is finished by a later sweep, once; a second delivery at once adds nothing", async () => {
    const { connection, student } = await pairIn("Europe/London", { reminderLeadMinutes: [60] });
    const lesson = await lessonAt(connection, "2027-02-01", "17:00", "Europe/London");
    const due = minutesBefore(lesson.startsAt, 60);
    // The crash: claimed, and no event ever sent.
    const [claimed] = await claimDueReminders(due);
    expect(claimed).toBeDefined();
    expect(await sweepReminders(minutesAfter(due, 1))).toEqual({ claimed: 0, resent: 0 });
    const resumed = await sweepReminders(minutesAfter(due, 6));
    expect(resumed).toEqual({ claimed: 0, resent: 1 });
    // And the same delivery run twice more, concurrently, as retries might.
    await Promise.all([deliverReminder(claimed!), deliverReminder(claimed!)]);
    await settleBackgroundWork();
    expect(await remindersIn(student)).toHaveLength(1);
    expect(await emailsTo(student)).toHaveLength(1);
    expect(pushedUserIds).toEqual([student.id]);
    expect(await sweepReminders(minutesAfter(due, 12))).toEqual({ claimed: 0, resent: 0 });
  });

  it("an email sent before a crash is sent again under the same idempotency key, the delivery id, and stored once", async () => {
    const { connection, student } = await pairIn("Europe/London", { reminderLeadMinutes: [30] });
    const lesson = await lessonAt(connection, "2027-02-01", "17:00", "Europe/London");
    const [deliveryId] = await claimDueReminders(minutesBefore(lesson.startsAt, 30));
    // The first attempt: the email went out, then the process died before the step was recorded.
    const crashAfterEmail: StepRunner = async (id, part) => {
      const result = await part();
      if (id === "email") throw new Error("process killed");
      return result;
    };
    await expect(deliverReminder(deliveryId!, crashAfterEmail)).rejects.toThrow("process killed");
    await db.update(reminderDeliveries).set({ emailSentAt: null }).where(eq(reminderDeliveries.id, deliveryId!));
    expect(await deliverReminder(deliveryId!)).toMatchObject({ outcome: "sent", channels: ["email", "push"] });
    const emails = await emailsTo(student);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.idempotencyKey).toBe(deliveryId);
    expect(await remindersIn(student)).toHaveLength(1);
  });

  it("the email names the time in the reader's zone, the other party and the place, links the lesson and attaches it", async () => {
    const { connection, student, teacher } = await pairIn("America/New_York", { reminderLeadMinutes: [60] });
    const lesson = await lessonAt(connection, "2027-03-15", "17:00", "America/New_York", { location: "Studio <b>2</b>, 5th Ave" });
    const [deliveryId] = await claimDueReminders(minutesBefore(lesson.startsAt, 60));
    await deliverReminder(deliveryId!);
    const [email] = await emailsTo(student);
    expect(email!.subject).toBe(`Lesson with ${teacher.name} in 1 hour`);
    expect(email!.text).toContain("Mon 15 Mar, 17:00–17:45");
    expect(email!.text).toContain("New York (GMT-4)");
    expect(email!.text).toContain(teacher.name);
    expect(email!.html).toContain("Studio &lt;b&gt;2&lt;/b&gt;, 5th Ave");
    expect(email!.html).toContain(`/lessons/${lesson.id}`);
    expect(email!.attachments).toHaveLength(1);
    expect(email!.attachments[0]).toMatchObject({ filename: "lesson.ics" });
    expect(email!.attachments[0]!.content).toContain(`UID:lesson-${lesson.id}@musbook`);
    expect(email!.attachments[0]!.content).toContain("DTSTART:20270315T210000Z");
  });
});

describe("delivery in batches", () => {
  /** `count` pairs, each with a lesson whose hour's reminder falls due at one instant, claimed together. */
  async function claimedTogether(count: number) {
    const pairs = [];
    for (let index = 0; index < count; index++) pairs.push(await pairIn("Europe/London", { reminderLeadMinutes: [60] }));
    const booked = [];
    for (const pair of pairs) booked.push(await lessonAt(pair.connection, "2027-02-01", "17:00", "Europe/London"));
    const deliveryIds = await claimDueReminders(minutesBefore(booked[0]!.startsAt, 60));
    expect(deliveryIds).toHaveLength(count);
    return { pairs, booked, deliveryIds };
  }

  it("each reminder of a batch gets its own outcome, and one changed lesson stops only its own", async () => {
    const { pairs, booked, deliveryIds } = await claimedTogether(4);
    const [sent, cancelled, endedConnection, optedOut] = pairs.map((pair, index) => ({ ...pair, lesson: booked[index]! }));
    await db.update(lessons).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(lessons.id, cancelled!.lesson.id));
    await db.update(connections).set({ status: "revoked" }).where(eq(connections.id, endedConnection!.connection.id));
    await db
      .update(notificationPreferences)
      .set({ reminderLeadMinutes: [] })
      .where(eq(notificationPreferences.userId, optedOut!.student.id));
    const deliveryOf = async (student: User) => (await deliveriesOf(student))[0]!.id;
    const results = await deliverReminders([...deliveryIds, deliveryIds[0]!, crypto.randomUUID()]);
    expect(new Map(results.map((result) => [result.deliveryId, result.outcome]))).toEqual(
      new Map([
        [await deliveryOf(sent!.student), "sent"],
        [await deliveryOf(cancelled!.student), "lesson-changed"],
        [await deliveryOf(endedConnection!.student), "lesson-changed"],
        [await deliveryOf(optedOut!.student), "opted-out"],
        [results.at(-1)!.deliveryId, "missing"],
      ]),
    );
    expect(results.find((result) => result.outcome === "sent")!.channels).toEqual(["inApp", "email", "push"]);
    await settleBackgroundWork();
    expect(await remindersIn(sent!.student)).toHaveLength(1);
    expect(await emailsTo(sent!.student)).toHaveLength(1);
    expect(pushedUserIds).toEqual([sent!.student.id]);
    for (const person of [cancelled!, endedConnection!, optedOut!]) {
      expect(await remindersIn(person.student)).toEqual([]);
      expect(await emailsTo(person.student)).toEqual([]);
    }
    expect((await deliverReminders(deliveryIds)).map((result) => result.outcome)).toEqual(Array(4).fill("already-done"));
  });

  it("a batch costs the same statements whether it holds 2 reminders or 20", async () => {
    const few = await claimedTogether(2);
    const { statements: forFew } = await countStatements(() => deliverReminders(few.deliveryIds));
    const many = await claimedTogether(20);
    const { result, statements: forMany } = await countStatements(() => deliverReminders(many.deliveryIds));
    expect(result.every((delivery) => delivery.outcome === "sent")).toBe(true);
    console.info(`reminder delivery statements: ${forFew} for 2 reminders, ${forMany} for 20`);
    expect(forMany).toBe(forFew);
  }, 120_000);
});

describe("T26: a lesson changed, a connection ended or a choice turned off between claim and send", () => {
  async function claimedReminder(choices = {}) {
    const pair = await pairIn("Europe/London", { reminderLeadMinutes: [60], ...choices });
    const lesson = await lessonAt(pair.connection, "2027-02-01", "17:00", "Europe/London");
    const due = minutesBefore(lesson.startsAt, 60);
    const [deliveryId] = await claimDueReminders(due);
    expect(deliveryId).toBeDefined();
    return { ...pair, lesson, due, deliveryId: deliveryId! };
  }

  async function expectNothingSent(student: User, deliveryId: string, outcome: string) {
    expect(await deliverReminder(deliveryId)).toEqual({ outcome, channels: [] });
    await settleBackgroundWork();
    expect(await remindersIn(student)).toEqual([]);
    expect(await emailsTo(student)).toEqual([]);
    expect(pushedUserIds).toEqual([]);
    const [row] = await db.select().from(reminderDeliveries).where(eq(reminderDeliveries.id, deliveryId));
    expect(row).toMatchObject({ outcome });
    expect(row!.deliveredAt).not.toBeNull();
  }

  it("a cancelled lesson sends nothing", async () => {
    const { student, lesson, deliveryId } = await claimedReminder();
    await db.update(lessons).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(lessons.id, lesson.id));
    await expectNothingSent(student, deliveryId, "lesson-changed");
  });

  it("a moved lesson sends nothing for its old time, and gets a fresh reminder for its new one", async () => {
    const { student, lesson, deliveryId, due } = await claimedReminder();
    const newStart = minutesAfter(lesson.startsAt, 120);
    await db
      .update(lessons)
      .set({ startsAt: newStart, endsAt: minutesAfter(newStart, 45) })
      .where(eq(lessons.id, lesson.id));
    await expectNothingSent(student, deliveryId, "lesson-changed");
    expect(await claimDueReminders(due)).toEqual([]);
    const [fresh] = await claimDueReminders(minutesBefore(newStart, 60));
    expect(await deliverReminder(fresh!)).toMatchObject({ outcome: "sent" });
    expect(await remindersIn(student)).toHaveLength(1);
  });

  it("an ended connection sends nothing", async () => {
    const { student, connection, deliveryId } = await claimedReminder();
    await db.update(connections).set({ status: "revoked" }).where(eq(connections.id, connection.id));
    await expectNothingSent(student, deliveryId, "lesson-changed");
  });

  it("turning reminders off, or that lead off, sends nothing; turning only email off sends the rest", async () => {
    const off = await claimedReminder();
    await db
      .update(notificationPreferences)
      .set({ inAppCategories: [], emailCategories: [], pushCategories: [] })
      .where(eq(notificationPreferences.userId, off.student.id));
    await expectNothingSent(off.student, off.deliveryId, "opted-out");

    const leadOff = await claimedReminder();
    await db
      .update(notificationPreferences)
      .set({ reminderLeadMinutes: [30] })
      .where(eq(notificationPreferences.userId, leadOff.student.id));
    await expectNothingSent(leadOff.student, leadOff.deliveryId, "opted-out");

    const noEmail = await claimedReminder();
    await db
      .update(notificationPreferences)
      .set({ emailCategories: ["requests"] })
      .where(eq(notificationPreferences.userId, noEmail.student.id));
    expect(await deliverReminder(noEmail.deliveryId)).toEqual({ outcome: "sent", channels: ["inApp", "push"] });
    expect(await emailsTo(noEmail.student)).toEqual([]);
  });

  it("a cancellation between two channels stops the rest", async () => {
    const { student, lesson, deliveryId } = await claimedReminder();
    const cancelAfterInApp: StepRunner = async (id, part) => {
      const result = await part();
      if (id === "inApp") await db.update(lessons).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(lessons.id, lesson.id));
      return result;
    };
    expect(await deliverReminder(deliveryId, cancelAfterInApp)).toEqual({ outcome: "lesson-changed", channels: ["inApp"] });
    expect(await emailsTo(student)).toEqual([]);
    expect(pushedUserIds).toEqual([]);
  });

  it("nobody who turned reminders off is claimed for at all", async () => {
    const { connection, student } = await pairIn("Europe/London", { inAppCategories: [], emailCategories: [], pushCategories: [] });
    const lesson = await lessonAt(connection, "2027-02-01", "17:00", "Europe/London");
    expect(await claimDueReminders(minutesBefore(lesson.startsAt, 60))).toEqual([]);
    expect(await deliveriesOf(student)).toEqual([]);
  });
});
