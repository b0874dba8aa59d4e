import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import { db } from "@/db";
import {
  assignments,
  calendarEvents,
  connections,
  lessonRequests,
  lessons,
  messages,
  notificationPreferences,
  notifications,
  practiceEntries,
  teacherNotes,
  users,
} from "@/db/schema";
import { otherPartyOfConnection, sharedHistoryOf, type Viewer } from "@/lib/access";

const other = alias(users, "other_party");

/**
 * Everything the app holds about or for one person, as they would take it elsewhere: their profile and choices,
 * and what they share with their teachers or students (current and past). Never the other party's private data
 * (their email, phone or a teacher's private notes about a student), and no secrets (password hash, tokens).
 */
export async function accountExport(viewer: Pick<Viewer, "id" | "role">, now = new Date()) {
  const [profile] = await db
    .select({
      name: users.name,
      email: users.email,
      role: users.role,
      timezone: users.timezone,
      phone: users.phone,
      bio: users.bio,
      instruments: users.instruments,
      emailVerifiedAt: users.emailVerifiedAt,
      twoFactorEnabled: users.twoFactorEnabled,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, viewer.id));
  const shared = await db
    .select({
      id: connections.id,
      with: other.name,
      status: connections.status,
      invitedAt: connections.invitedAt,
      respondedAt: connections.respondedAt,
      endedAt: connections.endedAt,
      messagingLocked: connections.messagingLocked,
      practiceGoalMinutes: connections.practiceGoalMinutes,
    })
    .from(connections)
    .innerJoin(other, eq(other.id, otherPartyOfConnection(viewer)))
    .where(sharedHistoryOf(viewer))
    .orderBy(asc(connections.invitedAt));
  const ids = shared.map((connection) => connection.id);
  // An empty list is `false` in Drizzle, so someone with no connections simply gets empty lists.
  const inShared = (column: AnyPgColumn) => inArray(column, ids);

  const [preferences, lessonRows, requestRows, eventRows, messageRows, assignmentRows, practiceRows, noteRows, notificationRows] =
    await Promise.all([
      db
        .select({
          inAppCategories: notificationPreferences.inAppCategories,
          emailCategories: notificationPreferences.emailCategories,
          pushCategories: notificationPreferences.pushCategories,
          weeklySummary: notificationPreferences.weeklySummary,
        })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, viewer.id)),
      db
        .select({
          id: lessons.id,
          connectionId: lessons.connectionId,
          startsAt: lessons.startsAt,
          endsAt: lessons.endsAt,
          status: lessons.status,
          attendance: lessons.attendance,
          location: lessons.location,
          cancelledAt: lessons.cancelledAt,
          cancellationReason: lessons.cancellationReason,
        })
        .from(lessons)
        .where(inShared(lessons.connectionId))
        .orderBy(asc(lessons.startsAt)),
      db
        .select({
          id: lessonRequests.id,
          connectionId: lessonRequests.connectionId,
          startsAt: lessonRequests.startsAt,
          durationMinutes: lessonRequests.durationMinutes,
          intervalWeeks: lessonRequests.intervalWeeks,
          occurrences: lessonRequests.occurrences,
          untilDate: lessonRequests.untilDate,
          note: lessonRequests.note,
          status: lessonRequests.status,
          responseReason: lessonRequests.responseReason,
          createdAt: lessonRequests.createdAt,
        })
        .from(lessonRequests)
        .where(inShared(lessonRequests.connectionId))
        .orderBy(asc(lessonRequests.createdAt)),
      db
        .select({
          title: calendarEvents.title,
          startsAt: calendarEvents.startsAt,
          endsAt: calendarEvents.endsAt,
          allDay: calendarEvents.allDay,
          notes: calendarEvents.notes,
        })
        .from(calendarEvents)
        .where(eq(calendarEvents.ownerId, viewer.id))
        .orderBy(asc(calendarEvents.startsAt)),
      db
        .select({
          connectionId: messages.connectionId,
          fromMe: eq(messages.senderId, viewer.id),
          body: messages.body,
          createdAt: messages.createdAt,
          editedAt: messages.editedAt,
        })
        .from(messages)
        .where(and(inShared(messages.connectionId), isNull(messages.deletedAt)))
        .orderBy(asc(messages.seq)),
      db
        .select({
          id: assignments.id,
          connectionId: assignments.connectionId,
          lessonId: assignments.lessonId,
          title: assignments.title,
          instructions: assignments.instructions,
          dueAt: assignments.dueAt,
          completedAt: assignments.completedAt,
          completionNote: assignments.completionNote,
          reopenedAt: assignments.reopenedAt,
          reopenComment: assignments.reopenComment,
          createdAt: assignments.createdAt,
        })
        .from(assignments)
        .where(inShared(assignments.connectionId))
        .orderBy(asc(assignments.createdAt)),
      db
        .select({
          connectionId: practiceEntries.connectionId,
          assignmentId: practiceEntries.assignmentId,
          practicedOn: practiceEntries.practicedOn,
          minutes: practiceEntries.minutes,
          note: practiceEntries.note,
        })
        .from(practiceEntries)
        .where(inShared(practiceEntries.connectionId))
        .orderBy(asc(practiceEntries.practicedOn)),
      viewer.role === "teacher"
        ? db
            .select({ connectionId: teacherNotes.connectionId, body: teacherNotes.body, createdAt: teacherNotes.createdAt })
            .from(teacherNotes)
            .where(inShared(teacherNotes.connectionId))
            .orderBy(asc(teacherNotes.createdAt))
        : [],
      db
        .select({
          type: notifications.type,
          title: notifications.title,
          body: notifications.body,
          createdAt: notifications.createdAt,
          readAt: notifications.readAt,
        })
        .from(notifications)
        .where(eq(notifications.userId, viewer.id))
        .orderBy(asc(notifications.createdAt)),
    ]);

  return {
    exportedAt: now.toISOString(),
    format: "MusBook account export, version 1. Instants are UTC (ISO 8601); practice days are dates on the student's calendar.",
    profile: profile ?? null,
    notificationPreferences: preferences[0] ?? null,
    connections: shared,
    lessons: lessonRows,
    lessonRequests: requestRows,
    calendarEvents: eventRows,
    messages: messageRows,
    assignments: assignmentRows,
    practice: practiceRows,
    privateNotes: noteRows,
    notifications: notificationRows,
  };
}
