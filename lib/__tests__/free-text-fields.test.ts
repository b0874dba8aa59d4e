import { and, count, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import {
  assignments,
  calendarEvents,
  connections,
  emailOutbox,
  lessonRequests,
  lessons,
  lessonSeries,
  messages,
  notifications,
  practiceEntries,
  rescheduleRequests,
  teacherNotes,
  users,
  type User,
} from "@/db/schema";
import type { AnyActionResult } from "@/lib/actions";
import { BIO_MAX_LENGTH, INSTRUMENT_MAX_LENGTH, INSTRUMENTS_MAX_COUNT, NAME_MAX_LENGTH, PHONE_MAX_LENGTH } from "@/lib/accounts/limits";
import { updateProfile } from "@/lib/accounts/settings";
import { signUp } from "@/lib/accounts/sign-up";
import { settleBackgroundWork } from "@/lib/background";
import { addNote, inviteStudent } from "@/lib/connections";
import { INVITE_MESSAGE_MAX_LENGTH, NOTE_MAX_LENGTH } from "@/lib/connections/limits";
import { sendMessage } from "@/lib/messaging";
import { MESSAGE_MAX_LENGTH, MESSAGE_PREVIEW_LENGTH } from "@/lib/messaging/types";
import { NOTIFICATION_BODY_MAX_LENGTH, NOTIFICATION_TITLE_MAX_LENGTH } from "@/lib/notifications/schemas";
import { completeAssignment, createAssignment, logPractice, reopenAssignment } from "@/lib/practice";
import {
  ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH,
  ASSIGNMENT_NOTE_MAX_LENGTH,
  ASSIGNMENT_TITLE_MAX_LENGTH,
  PRACTICE_NOTE_MAX_LENGTH,
} from "@/lib/practice/limits";
import {
  cancelLesson,
  cancelSeriesFrom,
  createCalendarEvent,
  declineLessonRequest,
  proposeReschedule,
  requestLessons,
} from "@/lib/scheduling";
import {
  EVENT_NOTES_MAX_LENGTH,
  EVENT_TITLE_MAX_LENGTH,
  LOCATION_MAX_LENGTH,
  REASON_MAX_LENGTH,
  REQUEST_NOTE_MAX_LENGTH,
} from "@/lib/scheduling/limits";
import { characterCount } from "@/lib/text";
import { formatIsoDate } from "@/lib/time";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";
import { actorOf, insertLesson, NOW, requestForm } from "@/tests/scheduling";

setupTestDatabase();

/** What people really type: an emoji, a combining mark with no composed form (q̇ is two), accents, line breaks. */
function textOf(length: number, multiLine: boolean): string {
  const pattern = Array.from(multiLine ? "Zoë 🎻 q\u0307 Ærø\n" : "Zoë 🎻 q\u0307 Ærø ");
  const characters = Array.from({ length: length - 1 }, (_, index) => pattern[index % pattern.length]!);
  return `${characters.join("")}x`;
}

const lastLineOf = (text: string) => text.split("\n").at(-1)!;

const receivedBy = (user: User, type: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.type, type)))
    .orderBy(desc(notifications.createdAt));

async function emailsTo(address: string) {
  await settleBackgroundWork();
  return db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).orderBy(desc(emailOutbox.createdAt));
}

async function everythingWritten() {
  await settleBackgroundWork();
  const tables = [
    users,
    connections,
    teacherNotes,
    lessonRequests,
    lessons,
    rescheduleRequests,
    calendarEvents,
    messages,
    notifications,
    emailOutbox,
    assignments,
    practiceEntries,
  ];
  return Promise.all(tables.map(async (table) => (await db.select({ rows: count() }).from(table))[0]!.rows));
}

interface Scene {
  submit(text: string): Promise<AnyActionResult>;
  stored(): Promise<string | null | undefined>;
  delivered?(text: string): Promise<void>;
}

interface FreeTextField {
  field: string;
  max: number;
  multiLine: boolean;
  scene(): Promise<Scene>;
}

async function bookedLesson() {
  const pair = await createConnectedPair();
  const lesson = await insertLesson(pair.connection, "2026-02-06T17:00:00Z");
  return { ...pair, lesson };
}

async function expectReasonNotice(to: User, type: string, text: string) {
  const [notice] = await receivedBy(to, type);
  const body = `Reason: ${text}`;
  expect(notice!.body).toEqual(characterCount(body) <= NOTIFICATION_BODY_MAX_LENGTH ? body : expect.stringMatching(/…$/));
  expect(characterCount(notice!.body!)).toBeLessThanOrEqual(NOTIFICATION_BODY_MAX_LENGTH);
  expect(notice!.body!.startsWith(body.slice(0, 500))).toBe(true);
}

let signUpAddress = 0;

const fields: Record<string, FreeTextField> = {
  "sign-up name": {
    field: "name",
    max: NAME_MAX_LENGTH,
    multiLine: false,
    async scene() {
      const email = `${crypto.randomUUID()}@example.test`;
      const form = { role: "teacher", email, password: "romance in a minor", timezone: "Europe/Berlin" };
      return {
        submit: (name) => signUp({ ...form, name }, `198.51.100.${++signUpAddress}`),
        stored: async () => (await db.select().from(users).where(eq(users.email, email)))[0]?.name,
      };
    },
  },
  "profile name (quoted in the other party's notification titles)": {
    field: "name",
    max: NAME_MAX_LENGTH,
    multiLine: false,
    async scene() {
      const { teacher, student, lesson } = await bookedLesson();
      return {
        submit: (name) => updateProfile(teacher, { name, timezone: "Europe/London" }),
        stored: async () => (await db.select().from(users).where(eq(users.id, teacher.id)))[0]?.name,
        async delivered(name) {
          const [renamed] = await db.select().from(users).where(eq(users.id, teacher.id));
          expect(await cancelLesson(actorOf(renamed!), { lessonId: lesson.id, reason: "Ill" }, NOW)).toMatchObject({ ok: true });
          const [notice] = await receivedBy(student, "lesson.cancelled");
          expect(notice!.title).toBe(`${name} cancelled the lesson on Fri 6 Feb, 17:00 GMT`);
          expect(characterCount(notice!.title)).toBeLessThanOrEqual(NOTIFICATION_TITLE_MAX_LENGTH);
          expect((await emailsTo(student.email))[0]!.subject).toBe(notice!.title);
        },
      };
    },
  },
  bio: {
    field: "bio",
    max: BIO_MAX_LENGTH,
    multiLine: true,
    async scene() {
      const user = await createUser();
      return {
        submit: (bio) => updateProfile(user, { name: "Ada", timezone: "Europe/London", bio }),
        stored: async () => (await db.select().from(users).where(eq(users.id, user.id)))[0]?.bio,
      };
    },
  },
  instrument: {
    field: "instruments",
    max: INSTRUMENT_MAX_LENGTH,
    multiLine: false,
    async scene() {
      const user = await createUser();
      return {
        submit: (instrument) => updateProfile(user, { name: "Ada", timezone: "Europe/London", instruments: [instrument] }),
        stored: async () => (await db.select().from(users).where(eq(users.id, user.id)))[0]?.instruments[0],
      };
    },
  },
  "invitation message": {
    field: "message",
    max: INVITE_MESSAGE_MAX_LENGTH,
    multiLine: true,
    async scene() {
      const teacher = await createUser({ role: "teacher" });
      const email = `${crypto.randomUUID()}@example.test`;
      return {
        submit: (message) => inviteStudent(teacher, { email, message }),
        stored: async () => (await db.select().from(connections).where(eq(connections.teacherId, teacher.id)))[0]?.inviteMessage,
        async delivered(message) {
          expect((await emailsTo(email))[0]!.html).toContain(lastLineOf(message));
        },
      };
    },
  },
  "teacher's note": {
    field: "body",
    max: NOTE_MAX_LENGTH,
    multiLine: true,
    async scene() {
      const { teacher, connection } = await createConnectedPair();
      return {
        submit: (body) => addNote(teacher, { connectionId: connection.id, body }),
        stored: async () => (await db.select().from(teacherNotes).where(eq(teacherNotes.connectionId, connection.id)))[0]?.body,
      };
    },
  },
  message: {
    field: "body",
    max: MESSAGE_MAX_LENGTH,
    multiLine: true,
    async scene() {
      const { teacher, student, connection } = await createConnectedPair();
      return {
        submit: (body) => sendMessage(student, { connectionId: connection.id, clientMessageId: crypto.randomUUID(), body }),
        stored: async () => (await db.select().from(messages).where(eq(messages.connectionId, connection.id)))[0]?.body,
        async delivered() {
          await settleBackgroundWork();
          const [notice] = await receivedBy(teacher, "message.received");
          expect(characterCount(notice!.body!)).toBeLessThanOrEqual(MESSAGE_PREVIEW_LENGTH);
        },
      };
    },
  },
  "lesson request location": {
    field: "location",
    max: LOCATION_MAX_LENGTH,
    multiLine: false,
    async scene() {
      const { student, connection } = await createConnectedPair();
      return {
        submit: (location) => requestLessons(actorOf(student), requestForm(connection, { location }), NOW),
        stored: async () => (await db.select().from(lessonRequests).where(eq(lessonRequests.connectionId, connection.id)))[0]?.location,
      };
    },
  },
  "lesson request note": {
    field: "note",
    max: REQUEST_NOTE_MAX_LENGTH,
    multiLine: true,
    async scene() {
      const { student, connection } = await createConnectedPair();
      return {
        submit: (note) => requestLessons(actorOf(student), requestForm(connection, { note }), NOW),
        stored: async () => (await db.select().from(lessonRequests).where(eq(lessonRequests.connectionId, connection.id)))[0]?.note,
      };
    },
  },
  "reason for declining a request": {
    field: "reason",
    max: REASON_MAX_LENGTH,
    multiLine: true,
    async scene() {
      const { teacher, student, connection } = await createConnectedPair();
      const request = await requestLessons(actorOf(student), requestForm(connection), NOW);
      if (!request.ok) throw new Error(request.error);
      const { requestId } = request.data;
      return {
        submit: (reason) => declineLessonRequest(actorOf(teacher), { requestId, reason }, NOW),
        stored: async () => (await db.select().from(lessonRequests).where(eq(lessonRequests.id, requestId)))[0]?.responseReason,
        delivered: (reason) => expectReasonNotice(student, "lesson.declined", reason),
      };
    },
  },
  "reason for moving a lesson": {
    field: "reason",
    max: REASON_MAX_LENGTH,
    multiLine: true,
    async scene() {
      const { student, lesson } = await bookedLesson();
      return {
        submit: (reason) =>
          proposeReschedule(
            actorOf(student),
            { lessonId: lesson.id, date: "2026-02-07", time: "10:00", timezone: "Europe/London", reason },
            NOW,
          ),
        stored: async () => (await db.select().from(rescheduleRequests).where(eq(rescheduleRequests.lessonId, lesson.id)))[0]?.reason,
      };
    },
  },
  "reason for cancelling a lesson": {
    field: "reason",
    max: REASON_MAX_LENGTH,
    multiLine: true,
    async scene() {
      const { teacher, student, lesson } = await bookedLesson();
      return {
        submit: (reason) => cancelLesson(actorOf(student), { lessonId: lesson.id, reason }, NOW),
        stored: async () => (await db.select().from(lessons).where(eq(lessons.id, lesson.id)))[0]?.cancellationReason,
        async delivered(reason) {
          await expectReasonNotice(teacher, "lesson.cancelled", reason);
          // The email is the notification as stored (shortened past its column's limit) with a link to the lesson.
          const [email] = await emailsTo(teacher.email);
          expect(email!.html).toContain(reason.split("\n")[0]!.slice(0, 100));
          expect(email!.html).toContain(`/lessons/${lesson.id}`);
        },
      };
    },
  },
  "reason for cancelling the rest of a series": {
    field: "reason",
    max: REASON_MAX_LENGTH,
    multiLine: true,
    async scene() {
      const { teacher, student, connection } = await createConnectedPair();
      const [series] = await db
        .insert(lessonSeries)
        .values({
          connectionId: connection.id,
          intervalWeeks: 1,
          timezone: "Europe/London",
          localStartTime: "17:00:00",
          durationMinutes: 60,
        })
        .returning();
      const first = await insertLesson(connection, "2026-02-06T17:00:00Z", 60, { seriesId: series!.id });
      await insertLesson(connection, "2026-02-13T17:00:00Z", 60, { seriesId: series!.id });
      return {
        submit: (reason) => cancelSeriesFrom(actorOf(teacher), { lessonId: first.id, reason }, NOW),
        stored: async () => (await db.select().from(lessons).where(eq(lessons.id, first.id)))[0]?.cancellationReason,
        delivered: (reason) => expectReasonNotice(student, "lesson.cancelled", reason),
      };
    },
  },
  "personal event title": {
    field: "title",
    max: EVENT_TITLE_MAX_LENGTH,
    multiLine: false,
    async scene() {
      const owner = await createUser();
      const event = { timezone: "Europe/London", startDate: "2026-02-06", startTime: "09:00", endDate: "2026-02-06", endTime: "10:00" };
      return {
        submit: (title) => createCalendarEvent(actorOf(owner), { ...event, title }),
        stored: async () => (await db.select().from(calendarEvents).where(eq(calendarEvents.ownerId, owner.id)))[0]?.title,
      };
    },
  },
  "personal event notes": {
    field: "notes",
    max: EVENT_NOTES_MAX_LENGTH,
    multiLine: true,
    async scene() {
      const owner = await createUser();
      const event = {
        title: "Rehearsal",
        timezone: "Europe/London",
        startDate: "2026-02-06",
        startTime: "09:00",
        endDate: "2026-02-06",
        endTime: "10:00",
      };
      return {
        submit: (notes) => createCalendarEvent(actorOf(owner), { ...event, notes }),
        stored: async () => (await db.select().from(calendarEvents).where(eq(calendarEvents.ownerId, owner.id)))[0]?.notes,
      };
    },
  },
  "assignment title (quoted in the student's notification title)": {
    field: "title",
    max: ASSIGNMENT_TITLE_MAX_LENGTH,
    multiLine: false,
    async scene() {
      const { teacher, student, connection } = await createConnectedPair();
      return {
        submit: (title) => createAssignment(teacher, { connectionId: connection.id, title }),
        stored: async () => (await db.select().from(assignments).where(eq(assignments.connectionId, connection.id)))[0]?.title,
        async delivered(title) {
          const [notice] = await receivedBy(student, "assignment.set");
          expect(characterCount(notice!.title)).toBeLessThanOrEqual(NOTIFICATION_TITLE_MAX_LENGTH);
          expect(notice!.title.startsWith(`${teacher.name} set “${title.slice(0, 50)}`)).toBe(true);
        },
      };
    },
  },
  "assignment instructions": {
    field: "instructions",
    max: ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH,
    multiLine: true,
    async scene() {
      const { teacher, student, connection } = await createConnectedPair();
      return {
        submit: (instructions) => createAssignment(teacher, { connectionId: connection.id, title: "Scales", instructions }),
        stored: async () => (await db.select().from(assignments).where(eq(assignments.connectionId, connection.id)))[0]?.instructions,
        async delivered(instructions) {
          const [notice] = await receivedBy(student, "assignment.set");
          expect(characterCount(notice!.body!)).toBeLessThanOrEqual(NOTIFICATION_BODY_MAX_LENGTH);
          expect(notice!.body!.startsWith(instructions.slice(0, 500))).toBe(true);
        },
      };
    },
  },
  "assignment completion note": {
    field: "note",
    max: ASSIGNMENT_NOTE_MAX_LENGTH,
    multiLine: true,
    async scene() {
      const { teacher, student, connection } = await createConnectedPair();
      const set = await createAssignment(teacher, { connectionId: connection.id, title: "Scales" });
      if (!set.ok) throw new Error(set.error);
      const assignmentId = set.data.assignment.id;
      return {
        submit: (note) => completeAssignment(student, { assignmentId, note }),
        stored: async () => (await db.select().from(assignments).where(eq(assignments.id, assignmentId)))[0]?.completionNote,
        delivered: async (note) => {
          const [notice] = await receivedBy(teacher, "assignment.completed");
          expect(notice!.body!.startsWith(note.slice(0, 500))).toBe(true);
        },
      };
    },
  },
  "assignment reopen comment": {
    field: "comment",
    max: ASSIGNMENT_NOTE_MAX_LENGTH,
    multiLine: true,
    async scene() {
      const { teacher, student, connection } = await createConnectedPair();
      const set = await createAssignment(teacher, { connectionId: connection.id, title: "Scales" });
      if (!set.ok) throw new Error(set.error);
      const assignmentId = set.data.assignment.id;
      await completeAssignment(student, { assignmentId });
      return {
        submit: (comment) => reopenAssignment(teacher, { assignmentId, comment }),
        stored: async () => (await db.select().from(assignments).where(eq(assignments.id, assignmentId)))[0]?.reopenComment,
        delivered: async (comment) => {
          const [notice] = await receivedBy(student, "assignment.reopened");
          expect(notice!.body!.startsWith(comment.slice(0, 500))).toBe(true);
        },
      };
    },
  },
  "practice note": {
    field: "note",
    max: PRACTICE_NOTE_MAX_LENGTH,
    multiLine: true,
    async scene() {
      const { student, connection } = await createConnectedPair();
      const entry = { connectionId: connection.id, practicedOn: formatIsoDate(new Date(), student.timezone), minutes: "20" };
      return {
        submit: (note) => logPractice(student, { ...entry, note }),
        stored: async () => (await db.select().from(practiceEntries).where(eq(practiceEntries.connectionId, connection.id)))[0]?.note,
      };
    },
  },
};

describe.each(Object.entries(fields))("%s", (_, { field, max, multiLine, scene }) => {
  it(`accepts exactly ${max} characters, stores them unchanged and delivers them`, async () => {
    const { submit, stored, delivered } = await scene();
    const text = textOf(max, multiLine);
    expect(characterCount(text)).toBe(max);
    expect(await submit(text)).toMatchObject({ ok: true });
    expect(await stored()).toBe(text);
    await delivered?.(text);
  });

  it(`refuses ${max + 1} characters with a message on the field, and writes nothing`, async () => {
    const { submit, stored } = await scene();
    const before = [await stored(), await everythingWritten()];
    const result = await submit(textOf(max + 1, multiLine));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { [field]: expect.stringMatching(new RegExp(`at most ${max.toLocaleString("en-GB")} characters`)) },
    });
    expect([await stored(), await everythingWritten()]).toEqual(before);
  });

  it("refuses control and direction-override characters with a message, and writes nothing", async () => {
    const { submit, stored } = await scene();
    const before = [await stored(), await everythingWritten()];
    const refused = ["Zo\u0000ë", "Zo\u001bë", "Zo\u0085ë", "Zo\u202eë", "Zo\u2067ë", ...(multiLine ? [] : ["Zo\në", "Zo\të"])];
    for (const text of refused) {
      const result = await submit(text);
      expect(result, JSON.stringify(text)).toMatchObject({
        ok: false,
        fieldErrors: { [field]: expect.stringMatching(/control characters|single line|direction-override/) },
      });
    }
    expect([await stored(), await everythingWritten()]).toEqual(before);
  });
});

describe("the limits", () => {
  it("are the columns' own checks, so what the form and schema allow the database stores", async () => {
    const expected: Record<string, number> = {
      users_name_length: NAME_MAX_LENGTH,
      users_phone_length: PHONE_MAX_LENGTH,
      users_bio_length: BIO_MAX_LENGTH,
      users_instruments_count: INSTRUMENTS_MAX_COUNT,
      connections_invite_message_length: INVITE_MESSAGE_MAX_LENGTH,
      teacher_notes_body_length: NOTE_MAX_LENGTH,
      lesson_requests_location_length: LOCATION_MAX_LENGTH,
      lesson_requests_note_length: REQUEST_NOTE_MAX_LENGTH,
      lesson_requests_response_reason_length: REASON_MAX_LENGTH,
      lessons_location_length: LOCATION_MAX_LENGTH,
      lessons_cancellation_reason_length: REASON_MAX_LENGTH,
      reschedule_requests_reason_length: REASON_MAX_LENGTH,
      calendar_events_title_length: EVENT_TITLE_MAX_LENGTH,
      calendar_events_notes_length: EVENT_NOTES_MAX_LENGTH,
      notifications_title_length: NOTIFICATION_TITLE_MAX_LENGTH,
      notifications_body_length: NOTIFICATION_BODY_MAX_LENGTH,
      messages_body_length: MESSAGE_MAX_LENGTH,
      assignments_title_length: ASSIGNMENT_TITLE_MAX_LENGTH,
      assignments_instructions_length: ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH,
      assignments_completion_note_length: ASSIGNMENT_NOTE_MAX_LENGTH,
      assignments_reopen_comment_length: ASSIGNMENT_NOTE_MAX_LENGTH,
      practice_entries_note_length: PRACTICE_NOTE_MAX_LENGTH,
    };
    // Both drivers answer `execute` with `{ rows }`; the shared Database type leaves the result untyped.
    const { rows } = (await db.execute(
      sql`select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint where conname in ${Object.keys(expected)}`,
    )) as unknown as { rows: { name: string; definition: string }[] };
    const limits = Object.fromEntries(rows.map(({ name, definition }) => [name, Number(/(\d+)\)*$/.exec(definition)?.[1])]));
    expect(limits).toEqual(expected);
  });
});
