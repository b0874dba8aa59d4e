import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  time,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, instant, updatedAt } from "./columns";
import { connections } from "./connections";
import { users } from "./users";

export const lessonRequestStatuses = ["pending", "approved", "declined", "withdrawn"] as const;
export const lessonRequestStatus = pgEnum("lesson_request_status", lessonRequestStatuses);

export const lessonStatuses = ["scheduled", "cancelled", "completed"] as const;
export const lessonStatus = pgEnum("lesson_status", lessonStatuses);

export const attendanceValues = ["present", "absent", "late", "excused"] as const;
export const attendance = pgEnum("attendance", attendanceValues);

export const rescheduleStatuses = ["pending", "approved", "declined", "withdrawn", "superseded"] as const;
export const rescheduleStatus = pgEnum("reschedule_status", rescheduleStatuses);

const recurrenceCheck = (t: { intervalWeeks: unknown; occurrences: unknown; untilDate: unknown }) =>
  // Either a single lesson, or a weekly/fortnightly series bounded by exactly one of count or end date.
  sql`(${t.intervalWeeks} is null and ${t.occurrences} is null and ${t.untilDate} is null)
    or (${t.intervalWeeks} in (1, 2) and ((${t.occurrences} is null) <> (${t.untilDate} is null)))`;

export const lessonRequests = pgTable(
  "lesson_requests",
  {
    id: id(),
    connectionId: uuid()
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    requestedById: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startsAt: instant().notNull(),
    durationMinutes: integer().notNull(),
    intervalWeeks: smallint(),
    occurrences: smallint(),
    untilDate: date({ mode: "string" }),
    /** A series keeps the teacher's wall-clock time (lib/scheduling/series.ts). */
    timezone: text().notNull(),
    location: text(),
    note: text(),
    status: lessonRequestStatus().notNull().default("pending"),
    respondedAt: instant(),
    respondedById: uuid().references(() => users.id, { onDelete: "set null" }),
    responseReason: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index("lesson_requests_connection_idx").on(t.connectionId, t.status),
    index("lesson_requests_requested_by_idx").on(t.requestedById),
    index("lesson_requests_responded_by_idx").on(t.respondedById),
    check("lesson_requests_duration_range", sql`${t.durationMinutes} between 5 and 480`),
    check("lesson_requests_occurrences_range", sql`${t.occurrences} is null or ${t.occurrences} between 1 and 104`),
    check("lesson_requests_recurrence", recurrenceCheck(t)),
    check("lesson_requests_note_length", sql`${t.note} is null or char_length(${t.note}) <= 2000`),
    check("lesson_requests_location_length", sql`${t.location} is null or char_length(${t.location}) <= 500`),
    check("lesson_requests_response_reason_length", sql`${t.responseReason} is null or char_length(${t.responseReason}) <= 1000`),
  ],
);

export const lessonSeries = pgTable(
  "lesson_series",
  {
    id: id(),
    connectionId: uuid()
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    requestId: uuid().references(() => lessonRequests.id, { onDelete: "set null" }),
    intervalWeeks: smallint().notNull(),
    timezone: text().notNull(),
    localStartTime: time().notNull(),
    durationMinutes: integer().notNull(),
    endedAt: instant(),
    createdAt: createdAt(),
  },
  (t) => [
    index("lesson_series_connection_idx").on(t.connectionId),
    index("lesson_series_request_idx").on(t.requestId),
    check("lesson_series_interval", sql`${t.intervalWeeks} in (1, 2)`),
    check("lesson_series_duration_range", sql`${t.durationMinutes} between 5 and 480`),
  ],
);

/** Parties copied from the connection so exclusion constraints (migration 0001_lesson_overlap) forbid overlaps per person. */
export const lessons = pgTable(
  "lessons",
  {
    id: id(),
    connectionId: uuid().notNull(),
    teacherId: uuid().notNull(),
    studentId: uuid().notNull(),
    seriesId: uuid().references(() => lessonSeries.id, { onDelete: "set null" }),
    requestId: uuid().references(() => lessonRequests.id, { onDelete: "set null" }),
    startsAt: instant().notNull(),
    endsAt: instant().notNull(),
    status: lessonStatus().notNull().default("scheduled"),
    attendance: attendance(),
    location: text(),
    cancelledAt: instant(),
    cancelledById: uuid().references(() => users.id, { onDelete: "set null" }),
    cancellationReason: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "lessons_connection_parties_fk",
      columns: [t.connectionId, t.teacherId, t.studentId],
      foreignColumns: [connections.id, connections.teacherId, connections.studentId],
    }).onDelete("cascade"),
    index("lessons_connection_idx").on(t.connectionId, t.startsAt),
    index("lessons_teacher_starts_idx").on(t.teacherId, t.startsAt),
    index("lessons_student_starts_idx").on(t.studentId, t.startsAt),
    index("lessons_series_idx").on(t.seriesId, t.startsAt),
    index("lessons_request_idx").on(t.requestId),
    index("lessons_cancelled_by_idx").on(t.cancelledById),
    // The reminder sweep reads only upcoming scheduled lessons by start time.
    index("lessons_scheduled_starts_idx")
      .on(t.startsAt)
      .where(sql`${t.status} = 'scheduled'`),
    check("lessons_ends_after_starts", sql`${t.endsAt} > ${t.startsAt}`),
    check("lessons_length_limit", sql`${t.endsAt} - ${t.startsAt} <= interval '8 hours'`),
    check("lessons_cancellation_consistent", sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
    check("lessons_cancellation_reason_length", sql`${t.cancellationReason} is null or char_length(${t.cancellationReason}) <= 1000`),
    check("lessons_location_length", sql`${t.location} is null or char_length(${t.location}) <= 500`),
  ],
);

export const rescheduleRequests = pgTable(
  "reschedule_requests",
  {
    id: id(),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    proposedById: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fromStartsAt: instant().notNull(),
    fromEndsAt: instant().notNull(),
    newStartsAt: instant().notNull(),
    newEndsAt: instant().notNull(),
    reason: text(),
    status: rescheduleStatus().notNull().default("pending"),
    respondedAt: instant(),
    respondedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("reschedule_requests_lesson_idx").on(t.lessonId, t.createdAt),
    index("reschedule_requests_proposed_by_idx").on(t.proposedById),
    index("reschedule_requests_responded_by_idx").on(t.respondedById),
    uniqueIndex("reschedule_requests_one_pending_key")
      .on(t.lessonId)
      .where(sql`${t.status} = 'pending'`),
    check("reschedule_requests_ends_after_starts", sql`${t.newEndsAt} > ${t.newStartsAt}`),
    check("reschedule_requests_reason_length", sql`${t.reason} is null or char_length(${t.reason}) <= 1000`),
  ],
);

export const calendarEvents = pgTable(
  "calendar_events",
  {
    id: id(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    title: text().notNull(),
    startsAt: instant().notNull(),
    endsAt: instant().notNull(),
    allDay: boolean().notNull().default(false),
    notes: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("calendar_events_owner_starts_idx").on(t.ownerId, t.startsAt),
    check("calendar_events_ends_after_starts", sql`${t.endsAt} > ${t.startsAt}`),
    check("calendar_events_title_length", sql`char_length(${t.title}) between 1 and 200`),
    check("calendar_events_notes_length", sql`${t.notes} is null or char_length(${t.notes}) <= 5000`),
  ],
);

export const calendarFeedTokens = pgTable("calendar_feed_tokens", {
  id: id(),
  userId: uuid()
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text().notNull().unique(),
  /** With the auth secret, derives the token again so the link can be shown again; alone it reveals nothing. */
  nonce: text(),
  createdAt: createdAt(),
});

export const lessonRequestsRelations = relations(lessonRequests, ({ one }) => ({
  connection: one(connections, { fields: [lessonRequests.connectionId], references: [connections.id] }),
  requestedBy: one(users, { fields: [lessonRequests.requestedById], references: [users.id] }),
}));

export const lessonSeriesRelations = relations(lessonSeries, ({ one, many }) => ({
  connection: one(connections, { fields: [lessonSeries.connectionId], references: [connections.id] }),
  lessons: many(lessons),
}));

export const lessonsRelations = relations(lessons, ({ one, many }) => ({
  connection: one(connections, { fields: [lessons.connectionId], references: [connections.id] }),
  teacher: one(users, { fields: [lessons.teacherId], references: [users.id], relationName: "lessonTeacher" }),
  student: one(users, { fields: [lessons.studentId], references: [users.id], relationName: "lessonStudent" }),
  series: one(lessonSeries, { fields: [lessons.seriesId], references: [lessonSeries.id] }),
  rescheduleRequests: many(rescheduleRequests),
}));

export const rescheduleRequestsRelations = relations(rescheduleRequests, ({ one }) => ({
  lesson: one(lessons, { fields: [rescheduleRequests.lessonId], references: [lessons.id] }),
  proposedBy: one(users, { fields: [rescheduleRequests.proposedById], references: [users.id] }),
}));

export const calendarEventsRelations = relations(calendarEvents, ({ one }) => ({
  owner: one(users, { fields: [calendarEvents.ownerId], references: [users.id] }),
}));

export const calendarFeedTokensRelations = relations(calendarFeedTokens, ({ one }) => ({
  user: one(users, { fields: [calendarFeedTokens.userId], references: [users.id] }),
}));

export type LessonRequest = typeof lessonRequests.$inferSelect;
export type LessonSeries = typeof lessonSeries.$inferSelect;
export type Lesson = typeof lessons.$inferSelect;
export type NewLesson = typeof lessons.$inferInsert;
export type LessonStatus = (typeof lessonStatuses)[number];
export type Attendance = (typeof attendanceValues)[number];
export type RescheduleRequest = typeof rescheduleRequests.$inferSelect;
export type CalendarEvent = typeof calendarEvents.$inferSelect;
