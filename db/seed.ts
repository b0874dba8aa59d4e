import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { addLocalDays, expandWeeklySeries, utcToZoned, type LocalDateTime } from "@/lib/time";
import type { Database, Transaction } from "./index";
import {
  assignments,
  calendarEvents,
  connections,
  lessonRequests,
  lessons,
  lessonSeries,
  messages,
  notificationPreferences,
  notifications,
  teacherNotes,
  users,
  type Attendance,
} from "./schema";

export const DEMO_PASSWORD = "scales-before-breakfast";
export const DEMO_TEACHER_EMAIL = "amelia@demo.musbook.app";

interface DemoPerson {
  key: string;
  name: string;
  email: string;
  timezone: string;
  instruments: string[];
  phone?: string;
  bio?: string;
}

const teachers: DemoPerson[] = [
  {
    key: "amelia",
    name: "Amelia Hart",
    email: DEMO_TEACHER_EMAIL,
    timezone: "Europe/London",
    instruments: ["Piano", "Music theory"],
    phone: "+44 20 7946 0321",
    bio: "Piano teacher in north London. ABRSM grades 1–8, jazz harmony for the curious.",
  },
  {
    key: "daniel",
    name: "Daniel Okafor",
    email: "daniel@demo.musbook.app",
    timezone: "America/New_York",
    instruments: ["Guitar", "Voice"],
    phone: "+1 212 555 0187",
    bio: "Guitar and voice from Brooklyn. Fingerstyle, songwriting and audition prep.",
  },
];

const students: DemoPerson[] = [
  { key: "leo", name: "Leo Fitzgerald", timezone: "Europe/London", instruments: ["Piano"] },
  { key: "priya", name: "Priya Raman", timezone: "Asia/Kolkata", instruments: ["Piano"] },
  { key: "sofia", name: "Sofia Marchetti", timezone: "Europe/Paris", instruments: ["Piano", "Voice"] },
  { key: "oliver", name: "Oliver Brandt", timezone: "Europe/Berlin", instruments: ["Piano"] },
  { key: "grace", name: "Grace Thompson", timezone: "Europe/London", instruments: ["Piano"] },
  { key: "maya", name: "Maya Chen", timezone: "America/Toronto", instruments: ["Piano", "Guitar"] },
  { key: "jack", name: "Jack Wilson", timezone: "Australia/Sydney", instruments: ["Guitar"] },
  { key: "isabella", name: "Isabella Cruz", timezone: "America/Los_Angeles", instruments: ["Voice"] },
  { key: "noah", name: "Noah Williams", timezone: "America/New_York", instruments: ["Guitar"] },
  { key: "hana", name: "Hana Sato", timezone: "Asia/Tokyo", instruments: ["Guitar", "Voice"] },
].map((student) => ({ ...student, email: `${student.key}@demo.musbook.app` }));

/** Weekly slot per connection, as wall time in the teacher's zone (weekday: 1 = Monday). */
const roster: { teacher: string; student: string; weekday: number; time: string; minutes: number; location: string }[] = [
  { teacher: "amelia", student: "leo", weekday: 1, time: "16:00", minutes: 45, location: "Studio, 14 Elm Row" },
  { teacher: "amelia", student: "priya", weekday: 1, time: "17:00", minutes: 60, location: "https://meet.example.com/amelia-priya" },
  { teacher: "amelia", student: "sofia", weekday: 2, time: "16:30", minutes: 45, location: "https://meet.example.com/amelia-sofia" },
  { teacher: "amelia", student: "oliver", weekday: 3, time: "17:00", minutes: 60, location: "https://meet.example.com/amelia-oliver" },
  { teacher: "amelia", student: "grace", weekday: 4, time: "18:00", minutes: 30, location: "Studio, 14 Elm Row" },
  { teacher: "amelia", student: "maya", weekday: 6, time: "15:00", minutes: 45, location: "https://meet.example.com/amelia-maya" },
  { teacher: "daniel", student: "maya", weekday: 6, time: "13:00", minutes: 60, location: "https://meet.example.com/daniel-maya" },
  { teacher: "daniel", student: "jack", weekday: 1, time: "17:00", minutes: 45, location: "https://meet.example.com/daniel-jack" },
  { teacher: "daniel", student: "isabella", weekday: 2, time: "17:00", minutes: 60, location: "https://meet.example.com/daniel-isabella" },
  { teacher: "daniel", student: "noah", weekday: 3, time: "16:00", minutes: 45, location: "Brooklyn studio, 88 Bergen St" },
  { teacher: "daniel", student: "hana", weekday: 4, time: "19:00", minutes: 45, location: "https://meet.example.com/daniel-hana" },
];

const conversations: Record<string, [from: "teacher" | "student", body: string][]> = {
  "amelia:leo": [
    ["student", "Hi Amelia, I've been stuck on bars 12–16 of the Clementi. The left hand keeps tripping."],
    ["teacher", "Try hands separately at half tempo, and stop on beat 3 each time. We'll look at fingering on Monday."],
    ["student", "Will do, thanks!"],
  ],
  "amelia:priya": [
    ["teacher", "Great progress on the scales this week. Could you record the G minor arpeggio for me?"],
    ["student", "Sure, I'll send it before Monday's lesson."],
  ],
  "amelia:maya": [
    ["student", "Could we spend Saturday on the sight-reading piece? My exam is in three weeks."],
    ["teacher", "Absolutely. Bring the mock paper and we'll do a timed run."],
  ],
  "daniel:maya": [
    ["teacher", "Nice work on the barre chords. Keep the wrist low and relaxed."],
    ["student", "It hurts less already. See you Saturday!"],
  ],
  "daniel:jack": [
    ["student", "Is it OK if I bring my acoustic instead of the electric next time?"],
    ["teacher", "Of course, the fingerstyle piece sounds better on acoustic anyway."],
  ],
  "daniel:noah": [["teacher", "Reminder: tune down to drop D for this week's riff."]],
};

const assignmentsByConnection: Record<string, { title: string; description: string; dueInDays: number; done: boolean }[]> = {
  "amelia:leo": [
    { title: "Clementi Sonatina Op. 36 No. 1, bars 1–24", description: "Hands separately, then together at ♩ = 80.", dueInDays: 3, done: false },
    { title: "C and G major scales, two octaves", description: "Contrary motion too.", dueInDays: -4, done: true },
  ],
  "amelia:priya": [{ title: "G minor arpeggio recording", description: "Record and upload before the lesson.", dueInDays: 2, done: false }],
  "amelia:sofia": [{ title: "Sight-reading: one short piece a day", description: "Use the Grade 4 book, pages 10–20.", dueInDays: 6, done: false }],
  "amelia:maya": [{ title: "Mock aural test", description: "Clapping back and intervals, 20 minutes.", dueInDays: 5, done: false }],
  "daniel:maya": [{ title: "Barre chord changes: F → B♭ → C", description: "One minute each, count the clean changes.", dueInDays: 4, done: false }],
  "daniel:jack": [{ title: "Travis picking pattern", description: "Thumb steady on 4, melody on top.", dueInDays: -2, done: true }],
  "daniel:isabella": [{ title: "Breathing exercises", description: "Sustain an 's' for 20 seconds, five times.", dueInDays: 1, done: false }],
  "daniel:hana": [{ title: "Write a verse and a chorus", description: "Any topic, four chords at most.", dueInDays: 9, done: false }],
};

const notesByConnection: Record<string, string[]> = {
  "amelia:leo": ["Tends to rush semiquavers when nervous. Metronome work helps.", "Parents asked about Grade 3 in spring."],
  "amelia:priya": ["Strong ear; reading lags behind. Keep pieces slightly below her playing level for sight-reading."],
  "amelia:maya": ["Grade 5 exam on the 14th. Focus on aural and sight-reading."],
  "daniel:maya": ["Left-hand strength improving. Consider moving to a lighter string gauge."],
  "daniel:isabella": ["Chest voice strong; work on the passaggio gently."],
};

const attendanceCycle: Attendance[] = ["present", "present", "present", "late", "present", "present", "absent", "present", "excused"];

export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const [row] = await database.select({ users: count() }).from(users);
  return (row?.users ?? 0) === 0;
}

export interface SeedSummary {
  created: boolean;
  signInHelp: string;
}

const signInHelp =
  `Demo sign-in (password "${DEMO_PASSWORD}" for every account): teachers ${teachers.map((t) => t.email).join(", ")}; ` +
  `students ${students.slice(0, 3).map((s) => s.email).join(", ")} and more (${students.length} in all).`;

/** The Monday of the week containing `instant`, as a local date in `zone`. */
function mondayOfWeek(instant: Date, zone: string): LocalDateTime {
  const today = utcToZoned(instant, zone);
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() || 7;
  return addLocalDays({ ...today, hour: 0, minute: 0 }, 1 - weekday);
}

/**
 * A believable studio: two teachers, ten students in several zones, a term of weekly lessons
 * (six weeks past with attendance, six ahead), messages, assignments and private notes.
 * Idempotent: does nothing when the demo teacher already exists. All in one transaction.
 */
export async function seedDemoData(database: Database, now = new Date()): Promise<SeedSummary> {
  return database.transaction(async (tx) => {
    const existing = await tx.query.users.findFirst({ where: (u, { eq }) => eq(u.email, DEMO_TEACHER_EMAIL) });
    if (existing) return { created: false, signInHelp };

    const people = new Map<string, string>();
    const everyone = [
      ...teachers.map((person) => ({ ...person, role: "teacher" as const })),
      ...students.map((person) => ({ ...person, role: "student" as const })),
    ];
    for (const person of everyone) {
      const [user] = await tx
        .insert(users)
        .values({
          email: person.email,
          name: person.name,
          role: person.role,
          timezone: person.timezone,
          instruments: person.instruments,
          phone: person.phone ?? null,
          bio: person.bio ?? null,
          passwordHash: await hashPassword(DEMO_PASSWORD),
          emailVerifiedAt: now,
        })
        .returning({ id: users.id });
      people.set(person.key, user!.id);
      await tx.insert(notificationPreferences).values({ userId: user!.id });
    }
    const idOf = (key: string) => people.get(key)!;

    for (const slot of roster) {
      await seedConnection(tx, slot, idOf, now);
    }

    // Invitations still waiting for an answer, to addresses with no account yet.
    await tx.insert(connections).values([
      { teacherId: idOf("amelia"), invitedEmail: "ruby.adams@example.com", inviteMessage: "Looking forward to our trial lesson!" },
      { teacherId: idOf("daniel"), invitedEmail: "sam.park@example.com" },
    ]);

    await seedNotificationHistory(tx, idOf, now);

    for (const teacher of teachers) {
      const monday = mondayOfWeek(now, teacher.timezone);
      const event = expandWeeklySeries({
        start: { ...addLocalDays(monday, 9), hour: 12, minute: 0 },
        zone: teacher.timezone,
        intervalWeeks: 1,
        durationMinutes: 90,
        count: 1,
      })[0]!;
      await tx.insert(calendarEvents).values({
        ownerId: idOf(teacher.key),
        title: "Dentist",
        startsAt: event.startsAt,
        endsAt: event.endsAt,
        notes: "Bring the referral letter.",
      });
    }

    return { created: true, signInHelp };
  });
}

/** A few weeks of what the bell would have shown each demo user: most read, the latest few not. */
async function seedNotificationHistory(tx: Transaction, idOf: (key: string) => string, now: Date): Promise<void> {
  const firstName = (key: string) => [...teachers, ...students].find((person) => person.key === key)!.name.split(" ")[0]!;
  const rows: (typeof notifications.$inferInsert)[] = [];
  for (const slot of roster) {
    const student = firstName(slot.student);
    const teacher = firstName(slot.teacher);
    const history = [
      { to: slot.teacher, type: "connection.accepted", title: `${student} accepted your invitation`, link: "/students", daysAgo: 54 },
      { to: slot.student, type: "lesson.approved", title: `${teacher} approved your weekly lessons`, body: "12 lessons were added to your calendar.", link: "/lessons", daysAgo: 52 },
      { to: slot.student, type: "lesson.attendance", title: "Attendance recorded: present", body: `Your lesson with ${teacher} last week`, link: "/lessons", daysAgo: 6 },
      { to: slot.student, type: "assignment.set", title: `${teacher} set a new assignment`, link: "/assignments", daysAgo: 5 },
      { to: slot.teacher, type: "assignment.completed", title: `${student} completed an assignment`, link: "/students", daysAgo: 2 },
      { to: slot.teacher, type: "message.received", title: `New message from ${student}`, link: "/messages", daysAgo: 1 },
      { to: slot.student, type: "message.received", title: `New message from ${teacher}`, link: "/messages", daysAgo: 0.5 },
    ] as const;
    for (const item of history) {
      const createdAt = new Date(now.getTime() - item.daysAgo * 86_400_000 - rows.length * 60_000);
      rows.push({
        userId: idOf(item.to),
        type: item.type,
        title: item.title,
        body: "body" in item ? item.body : null,
        link: item.link,
        createdAt,
        readAt: item.daysAgo >= 2 ? new Date(createdAt.getTime() + 3_600_000) : null,
      });
    }
  }
  await tx.insert(notifications).values(rows);
}

async function seedConnection(
  tx: Transaction,
  slot: (typeof roster)[number],
  idOf: (key: string) => string,
  now: Date,
): Promise<void> {
  const teacher = teachers.find((t) => t.key === slot.teacher)!;
  const student = students.find((s) => s.key === slot.student)!;
  const key = `${slot.teacher}:${slot.student}`;
  const weeksAgo = 6;
  const invitedAt = new Date(now.getTime() - (weeksAgo + 2) * 7 * 86_400_000);
  const [connection] = await tx
    .insert(connections)
    .values({
      teacherId: idOf(slot.teacher),
      studentId: idOf(slot.student),
      invitedEmail: student.email,
      status: "accepted",
      invitedAt,
      respondedAt: new Date(invitedAt.getTime() + 86_400_000),
    })
    .returning();
  const connectionId = connection!.id;

  const [hour, minute] = slot.time.split(":").map(Number) as [number, number];
  const firstDay = addLocalDays(mondayOfWeek(now, teacher.timezone), slot.weekday - 1 - weeksAgo * 7);
  const start = { ...firstDay, hour, minute };
  const [series] = await tx
    .insert(lessonSeries)
    .values({
      connectionId,
      intervalWeeks: 1,
      timezone: teacher.timezone,
      localStartTime: `${slot.time}:00`,
      durationMinutes: slot.minutes,
    })
    .returning({ id: lessonSeries.id });
  const occurrences = expandWeeklySeries({
    start,
    zone: teacher.timezone,
    intervalWeeks: 1,
    durationMinutes: slot.minutes,
    count: weeksAgo * 2,
  });

  await tx.insert(lessons).values(
    occurrences.map((occurrence, index) => {
      const past = occurrence.endsAt < now;
      const cancelled = index === weeksAgo + 2 && slot.student === "sofia";
      return {
        connectionId,
        teacherId: idOf(slot.teacher),
        studentId: idOf(slot.student),
        seriesId: series!.id,
        startsAt: occurrence.startsAt,
        endsAt: occurrence.endsAt,
        location: slot.location,
        status: cancelled ? ("cancelled" as const) : past ? ("completed" as const) : ("scheduled" as const),
        attendance: past && !cancelled ? attendanceCycle[(index + slot.weekday) % attendanceCycle.length]! : null,
        cancelledAt: cancelled ? now : null,
        cancelledById: cancelled ? idOf(slot.student) : null,
        cancellationReason: cancelled ? "School concert that evening — sorry!" : null,
      };
    }),
  );

  const thread = conversations[key] ?? [];
  for (const [index, [from, body]] of thread.entries()) {
    const sentAt = new Date(now.getTime() - (thread.length - index) * 3 * 3_600_000);
    await tx.insert(messages).values({
      connectionId,
      senderId: idOf(from === "teacher" ? slot.teacher : slot.student),
      clientMessageId: randomUUID(),
      body,
      createdAt: sentAt,
      readAt: index < thread.length - 1 ? sentAt : null,
    });
  }

  for (const assignment of assignmentsByConnection[key] ?? []) {
    const dueAt = new Date(now.getTime() + assignment.dueInDays * 86_400_000);
    await tx.insert(assignments).values({
      connectionId,
      title: assignment.title,
      description: assignment.description,
      dueAt,
      completedAt: assignment.done ? new Date(dueAt.getTime() - 86_400_000) : null,
    });
  }

  for (const [index, body] of (notesByConnection[key] ?? []).entries()) {
    const writtenAt = new Date(now.getTime() - (index + 1) * 9 * 86_400_000);
    await tx.insert(teacherNotes).values({ connectionId, body, createdAt: writtenAt, updatedAt: writtenAt });
  }

  if (slot.student === "leo") {
    const extra = expandWeeklySeries({
      start: { ...addLocalDays(mondayOfWeek(now, teacher.timezone), 11), hour: 11, minute: 0 },
      zone: teacher.timezone,
      intervalWeeks: 1,
      durationMinutes: 45,
      count: 1,
    })[0]!;
    await tx.insert(lessonRequests).values({
      connectionId,
      requestedById: idOf("leo"),
      startsAt: extra.startsAt,
      durationMinutes: 45,
      timezone: student.timezone,
      note: "Could we fit in an extra lesson before the recital?",
    });
    await tx.insert(notifications).values({
      userId: idOf("amelia"),
      type: "lesson.requested",
      title: "Leo Fitzgerald asked for an extra lesson",
      body: "Thursday at 11:00 — 45 minutes",
      link: "/lessons",
    });
  }
}
