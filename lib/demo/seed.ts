import { randomUUID } from "node:crypto";
import { asc, count, eq } from "drizzle-orm";
import { db } from "@/db";
import { lessons, users, type Lesson, type User } from "@/db/schema";
import type { ActionResult } from "@/lib/actions";
import { registerAccount, verifyEmail } from "@/lib/accounts/sign-up";
import { updateProfile } from "@/lib/accounts/settings";
import { findUserByEmail, findUserById } from "@/lib/auth/credentials";
import { settleBackgroundWork } from "@/lib/background";
import { acceptInvitation, addNote, inviteStudent, setBookingMode } from "@/lib/connections";
import { markConversationRead, sendMessage } from "@/lib/messaging";
import { markNotificationsRead } from "@/lib/notifications";
import { completeAssignment, createAssignment, logPractice, setPracticeGoal } from "@/lib/practice";
import {
  approveLessonRequest,
  approveReschedule,
  cancelLesson,
  createCalendarEvent,
  markAttendance,
  proposeReschedule,
  requestLessons,
} from "@/lib/scheduling";
import {
  addDaysToIsoDate,
  addLocalDays,
  DAY,
  formatIsoDate,
  formatLocalDateTime,
  HOUR,
  MINUTE,
  utcToZoned,
  WEEK,
  zonedToUtc,
  type LocalDateTime,
} from "@/lib/time";
import {
  DEMO_PASSWORD,
  DEMO_TEACHER_EMAIL,
  demoAssignments,
  demoAttendanceCycle,
  demoConversations,
  demoInviteMessages,
  demoNotes,
  demoOpenInvitations,
  demoPractice,
  demoPracticeGoals,
  demoRoster,
  demoStudents,
  demoTeachers,
  type DemoPerson,
  type DemoSlot,
} from "./studio";

export { DEMO_PASSWORD, DEMO_TEACHER_EMAIL } from "./studio";

const WEEKS_PAST = 6;

export interface SeedSummary {
  created: boolean;
  signInHelp: string;
}

const signInHelp =
  `Demo sign-in (password "${DEMO_PASSWORD}" for every account): teachers ${demoTeachers.map((t) => t.email).join(", ")}; ` +
  `students ${demoStudents
    .slice(0, 3)
    .map((s) => s.email)
    .join(", ")} and more (${demoStudents.length} in all).`;

export async function isDatabaseEmpty(): Promise<boolean> {
  const [row] = await db.select({ users: count() }).from(users);
  return (row?.users ?? 0) === 0;
}

/** A refusal here means the demo script is out of date with the rules: stop loudly. */
function must<T>(step: string, result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`demo seed: ${step} was refused: ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data as T;
}

function formTime(instant: Date, zone: string): { date: string; time: string } {
  const [date, time] = formatLocalDateTime(utcToZoned(instant, zone)).split("T") as [string, string];
  return { date, time };
}

function mondayOfWeek(instant: Date, zone: string): LocalDateTime {
  const today = utcToZoned(instant, zone);
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() || 7;
  return addLocalDays({ ...today, hour: 0, minute: 0 }, 1 - weekday);
}

/** Not 24-hour steps, which drift across a clock change. */
const sameTimeDaysLater = (instant: Date, zone: string, days: number) => zonedToUtc(addLocalDays(utcToZoned(instant, zone), days), zone);

const slotKey = (slot: Pick<DemoSlot, "teacher" | "student">) => `${slot.teacher}:${slot.student}`;

/** Built through the domain functions, so every notification, email, link and date is real; history comes from passing past instants as `now`. */
export async function seedDemoData(now = new Date()): Promise<SeedSummary> {
  if (await findUserByEmail(DEMO_TEACHER_EMAIL)) return { created: false, signInHelp };
  const termStart = new Date(now.getTime() - (WEEKS_PAST + 2) * WEEK);

  const people = new Map<string, User>();
  for (const person of [...demoTeachers, ...demoStudents]) people.set(person.key, await createAccount(person, termStart));
  const personOf = (key: string) => people.get(key)!;

  const bookings: { slot: DemoSlot; connectionId: string; lessons: Lesson[] }[] = [];
  for (const slot of demoRoster) bookings.push(await bookWeeklyLessons(slot, personOf, termStart, now));
  const booking = (teacher: string, student: string) => bookings.find((entry) => slotKey(entry.slot) === `${teacher}:${student}`)!;

  const oliver = booking("amelia", "oliver");
  const moved = oliver.lessons[WEEKS_PAST - 3]!;
  const proposal = must(
    "Oliver's move",
    await proposeReschedule(
      personOf("oliver"),
      {
        lessonId: moved.id,
        ...formTime(sameTimeDaysLater(moved.startsAt, personOf("amelia").timezone, 1), personOf("oliver").timezone),
        timezone: personOf("oliver").timezone,
        reason: "Orchestra rehearsal moved to Wednesday.",
      },
      new Date(moved.startsAt.getTime() - 5 * DAY),
    ),
  );
  must(
    "Amelia approves the move",
    await approveReschedule(personOf("amelia"), { rescheduleId: proposal.rescheduleId }, new Date(moved.startsAt.getTime() - 4 * DAY)),
  );

  const lastPastLessons: { teacher: User; lesson: Lesson; attendance: (typeof demoAttendanceCycle)[number] }[] = [];
  for (const { slot, connectionId } of bookings) {
    const teacher = personOf(slot.teacher);
    const past = (await lessonsOf(connectionId)).filter((lesson) => lesson.endsAt <= now);
    for (const [index, lesson] of past.entries()) {
      const attendance = demoAttendanceCycle[(index + slot.weekday) % demoAttendanceCycle.length]!;
      if (index === past.length - 1) lastPastLessons.push({ teacher, lesson, attendance });
      else must("attendance", await markAttendance(teacher, { lessonId: lesson.id, attendance }, new Date(lesson.endsAt.getTime() + HOUR)));
    }
    for (const body of demoNotes[slotKey(slot)] ?? []) must("a note", await addNote(teacher, { connectionId, body }));
  }

  for (const teacher of demoTeachers) {
    const day = formatLocalDateTime(addLocalDays(mondayOfWeek(now, teacher.timezone), 9)).slice(0, 10);
    const event = {
      title: "Dentist",
      timezone: teacher.timezone,
      startDate: day,
      startTime: "12:00",
      endDate: day,
      endTime: "13:30",
      notes: "Bring the referral letter.",
    };
    must("a calendar event", await createCalendarEvent(personOf(teacher.key), event));
  }

  for (const person of people.values()) must("marking read", await markNotificationsRead(person, { all: true }, now));

  for (const { teacher, lesson, attendance } of lastPastLessons) {
    must(
      "attendance",
      await markAttendance(teacher, { lessonId: lesson.id, attendance }, new Date(Math.min(lesson.endsAt.getTime() + HOUR, now.getTime()))),
    );
  }
  const sofia = booking("amelia", "sofia").lessons[WEEKS_PAST + 2]!;
  must(
    "Sofia's cancellation",
    await cancelLesson(
      personOf("sofia"),
      { lessonId: sofia.id, reason: "School concert that evening — sorry!" },
      new Date(now.getTime() - DAY),
    ),
  );
  await proposeMove(
    "grace",
    booking("amelia", "grace"),
    (start) => new Date(start.getTime() + 30 * MINUTE),
    "Could we start half an hour later? Netball runs late.",
    personOf,
    now,
  );
  await proposeMove(
    "noah",
    booking("daniel", "noah"),
    (start) => sameTimeDaysLater(start, personOf("daniel").timezone, 1),
    "Band practice that day, could we do Thursday?",
    personOf,
    now,
  );

  const leo = personOf("leo");
  const extra = zonedToUtc(
    { ...addLocalDays(mondayOfWeek(now, personOf("amelia").timezone), 11), hour: 11, minute: 0 },
    personOf("amelia").timezone,
  );
  must(
    "Leo's extra lesson",
    await requestLessons(
      leo,
      {
        connectionId: booking("amelia", "leo").connectionId,
        ...formTime(extra, leo.timezone),
        durationMinutes: "45",
        timezone: leo.timezone,
        note: "Could we fit in an extra lesson before the recital?",
      },
      now,
    ),
  );

  for (const conversation of demoConversations) {
    const { connectionId } = booking(conversation.teacher, conversation.student);
    const party = { teacher: personOf(conversation.teacher), student: personOf(conversation.student) };
    let lastSeq = 0;
    for (const message of conversation.messages) {
      const sentAt = new Date(now.getTime() - message.minutesAgo * MINUTE);
      const input = { connectionId, clientMessageId: randomUUID(), body: message.body };
      lastSeq = must("a message", await sendMessage(party[message.from], input, sentAt)).message.seq;
    }
    // The grouped notifications are written after each send's response; reading must come after them.
    await settleBackgroundWork();
    for (const reader of conversation.readBy)
      must("reading a conversation", await markConversationRead(party[reader], { connectionId, seq: lastSeq }, now));
  }

  for (const [key, minutes] of Object.entries(demoPracticeGoals)) {
    const [teacher, student] = key.split(":") as [string, string];
    must(
      "a practice goal",
      await setPracticeGoal(personOf(teacher), { connectionId: booking(teacher, student).connectionId, minutes: String(minutes) }),
    );
  }
  for (const [key, days] of Object.entries(demoPractice)) {
    const [teacher, student] = key.split(":") as [string, string];
    const practiser = personOf(student);
    for (const [index, minutes] of days.entries()) {
      if (minutes === 0) continue;
      const daysAgo = days.length - index;
      const practicedOn = addDaysToIsoDate(formatIsoDate(now, practiser.timezone), -daysAgo);
      const input = { connectionId: booking(teacher, student).connectionId, practicedOn, minutes: String(minutes) };
      must("a practice entry", await logPractice(practiser, input, now));
    }
  }
  for (const assignment of demoAssignments) {
    const teacher = personOf(assignment.teacher);
    const { connectionId, lessons: booked } = booking(assignment.teacher, assignment.student);
    const lastLesson = booked.filter((lesson) => lesson.endsAt <= now).at(-1);
    const due =
      assignment.dueInDays === undefined
        ? {}
        : {
            dueDate: addDaysToIsoDate(formatIsoDate(now, teacher.timezone), assignment.dueInDays),
            ...(assignment.dueTime ? { dueTime: assignment.dueTime } : {}),
          };
    const input = {
      connectionId,
      title: assignment.title,
      ...(assignment.instructions ? { instructions: assignment.instructions } : {}),
      ...(assignment.fromLastLesson && lastLesson ? { lessonId: lastLesson.id } : {}),
      ...due,
    };
    const { assignment: created } = must("an assignment", await createAssignment(teacher, input));
    if (assignment.done) {
      const note = assignment.done.note ? { note: assignment.done.note } : {};
      must(
        "completing an assignment",
        await completeAssignment(
          personOf(assignment.student),
          { assignmentId: created.id, ...note },
          new Date(now.getTime() - assignment.done.daysAgo * DAY),
        ),
      );
    }
  }

  for (const [index, invitation] of demoOpenInvitations.entries()) {
    const message = invitation.message ? { message: invitation.message } : {};
    must(
      "an open invitation",
      await inviteStudent(
        personOf(invitation.teacher),
        { email: invitation.email, ...message },
        new Date(now.getTime() - (index + 1) * DAY),
      ),
    );
  }

  // Emails and event handlers run in the background outside a request; finish them before the caller closes the database.
  await settleBackgroundWork();
  return { created: true, signInHelp };
}

async function createAccount(person: DemoPerson, at: Date): Promise<User> {
  const { role, name, email, timezone } = person;
  const account = must(
    `${email} sign-up`,
    await registerAccount({ role, name, email, password: DEMO_PASSWORD, timezone, phone: person.phone ?? "" }, at),
  );
  must(`${email} confirmation`, await verifyEmail({ token: account.verificationToken }, at));
  must(
    `${email} profile`,
    await updateProfile(
      { id: account.userId },
      { name, timezone, phone: person.phone ?? "", bio: person.bio ?? "", instruments: person.instruments },
    ),
  );
  return (await findUserById(account.userId))!;
}

const lessonsOf = (connectionId: string) =>
  db.select().from(lessons).where(eq(lessons.connectionId, connectionId)).orderBy(asc(lessons.startsAt));

async function bookWeeklyLessons(slot: DemoSlot, personOf: (key: string) => User, termStart: Date, now: Date) {
  const teacher = personOf(slot.teacher);
  const student = personOf(slot.student);
  const message = demoInviteMessages[slotKey(slot)];
  const invitation = must(
    `inviting ${student.email}`,
    await inviteStudent(teacher, { email: student.email, ...(message ? { message } : {}) }, termStart),
  );
  const { connectionId } = must(
    `${student.email} accepting`,
    await acceptInvitation(student, invitation, new Date(termStart.getTime() + DAY)),
  );

  const [hour, minute] = slot.time.split(":").map(Number) as [number, number];
  const firstDay = addLocalDays(mondayOfWeek(now, teacher.timezone), slot.weekday - 1 - WEEKS_PAST * 7);
  const firstStart = zonedToUtc({ ...firstDay, hour, minute }, teacher.timezone);
  const [requester, approver] = slot.requestedBy === "teacher" ? [teacher, student] : [student, teacher];
  const askedAt = new Date(firstStart.getTime() - 10 * DAY);
  const form = {
    connectionId,
    ...formTime(firstStart, requester.timezone),
    durationMinutes: String(slot.minutes),
    timezone: requester.timezone,
    repeat: "weekly",
    occurrences: String(WEEKS_PAST * 2),
    location: slot.location,
  };
  const { requestId } = must(`${requester.email} asking for lessons`, await requestLessons(requester, form, askedAt));
  must(`${approver.email} approving lessons`, await approveLessonRequest(approver, { requestId }, new Date(askedAt.getTime() + DAY)));
  if (slot.bookDirectly) must(`${teacher.email} booking directly`, await setBookingMode(teacher, { connectionId, mode: "direct" }));
  return { slot, connectionId, lessons: await lessonsOf(connectionId) };
}

async function proposeMove(
  studentKey: string,
  booking: { lessons: Lesson[] },
  newStart: (start: Date) => Date,
  reason: string,
  personOf: (key: string) => User,
  now: Date,
): Promise<void> {
  const student = personOf(studentKey);
  const next = booking.lessons.find((lesson) => lesson.startsAt > new Date(now.getTime() + DAY) && lesson.status === "scheduled")!;
  const form = { lessonId: next.id, ...formTime(newStart(next.startsAt), student.timezone), timezone: student.timezone, reason };
  must(`${student.email} proposing a move`, await proposeReschedule(student, form, now));
}
