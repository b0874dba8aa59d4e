import { eq } from "drizzle-orm";
import { db } from "@/db";
import {
  connections,
  emailOutbox,
  notificationPreferences,
  notifications,
  reminderDeliveries,
  type Connection,
  type User,
} from "@/db/schema";
import type { ChannelChoices } from "@/lib/notifications/preference-categories";
import { DAY, MINUTE, zonedToUtc } from "@/lib/time";
import { createUser } from "@/tests/factories";
import { insertLesson } from "@/tests/scheduling";

/** A teacher and a student in one zone, connected; the student's reminder choices as given. */
export async function pairIn(zone: string, studentChoices: Partial<ChannelChoices> = {}) {
  const teacher = await createUser({ role: "teacher", timezone: zone });
  const student = await createUser({ role: "student", timezone: zone });
  const [connection] = await db
    .insert(connections)
    .values({ teacherId: teacher.id, studentId: student.id, invitedEmail: student.email, status: "accepted", respondedAt: new Date() })
    .returning();
  // The teacher has turned reminders off, so each test counts the student's alone unless it says otherwise.
  await db.insert(notificationPreferences).values([
    { userId: student.id, reminderLeadMinutes: [30, 60, 1440], ...studentChoices },
    { userId: teacher.id, reminderLeadMinutes: [] },
  ]);
  return { teacher, student, connection: connection! };
}

/** A lesson at a local wall time, booked a week before it (a reminder due before the booking is never sent). */
export async function lessonAt(connection: Connection, date: string, time: string, zone: string, extra: { location?: string } = {}) {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const start = zonedToUtc({ year, month, day, hour, minute }, zone);
  return insertLesson(connection, start.toISOString(), 45, { createdAt: new Date(start.getTime() - 7 * DAY), ...extra });
}

export const minutesBefore = (instant: Date, minutes: number) => new Date(instant.getTime() - minutes * MINUTE);
export const minutesAfter = (instant: Date, minutes: number) => new Date(instant.getTime() + minutes * MINUTE);

export const deliveriesOf = (user: Pick<User, "id">) => db.select().from(reminderDeliveries).where(eq(reminderDeliveries.userId, user.id));
export const remindersIn = async (user: Pick<User, "id">) =>
  (await db.select().from(notifications).where(eq(notifications.userId, user.id))).filter((row) => row.type === "lesson.reminder");
export const emailsTo = (user: User) => db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, user.email));
