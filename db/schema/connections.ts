import { relations, sql } from "drizzle-orm";
import { boolean, check, index, pgEnum, pgTable, smallint, text, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { PRACTICE_GOAL_MAX_MINUTES } from "../../lib/practice/limits";
import { createdAt, id, instant, updatedAt } from "./columns";
import { users } from "./users";

export const connectionStatuses = ["pending", "accepted", "declined", "revoked"] as const;
export const connectionStatus = pgEnum("connection_status", connectionStatuses);

/** How a teacher's lessons for this student come about: a request the student approves, or booked at once. */
export const bookingModes = ["request", "direct"] as const;
export const bookingMode = pgEnum("booking_mode", bookingModes);

/** `studentId` is null while an invite to an unknown email is pending. */
export const connections = pgTable(
  "connections",
  {
    id: id(),
    teacherId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    studentId: uuid().references(() => users.id, { onDelete: "cascade" }),
    invitedEmail: text().notNull(),
    inviteMessage: text(),
    inviteTokenHash: text().unique(),
    status: connectionStatus().notNull().default("pending"),
    messagingLocked: boolean().notNull().default(false),
    bookingMode: bookingMode().notNull().default("request"),
    /** Minutes a week the teacher asks this student to practise; null when no goal is set. */
    practiceGoalMinutes: smallint(),
    invitedAt: instant().notNull().defaultNow(),
    respondedAt: instant(),
    endedAt: instant(),
    endedById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("connections_teacher_student_key").on(t.teacherId, t.studentId),
    // Target of the composite foreign key that pins a lesson's teacher and student to its connection.
    unique("connections_id_teacher_student_key").on(t.id, t.teacherId, t.studentId),
    uniqueIndex("connections_pending_invite_key")
      .on(t.teacherId, sql`lower(${t.invitedEmail})`)
      .where(sql`${t.status} = 'pending'`),
    index("connections_student_idx").on(t.studentId, t.status),
    index("connections_teacher_idx").on(t.teacherId, t.status),
    index("connections_invited_email_idx").on(sql`lower(${t.invitedEmail})`),
    index("connections_ended_by_idx").on(t.endedById),
    check("connections_not_self", sql`${t.studentId} is null or ${t.studentId} <> ${t.teacherId}`),
    check("connections_accepted_has_student", sql`${t.status} not in ('accepted', 'revoked') or ${t.studentId} is not null`),
    check(
      "connections_practice_goal_range",
      sql`${t.practiceGoalMinutes} is null or ${t.practiceGoalMinutes} between 1 and ${sql.raw(String(PRACTICE_GOAL_MAX_MINUTES))}`,
    ),
    check("connections_invite_message_length", sql`${t.inviteMessage} is null or char_length(${t.inviteMessage}) <= 1000`),
  ],
);

export const teacherNotes = pgTable(
  "teacher_notes",
  {
    id: id(),
    connectionId: uuid()
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    body: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("teacher_notes_connection_idx").on(t.connectionId, t.createdAt.desc()),
    check("teacher_notes_body_length", sql`char_length(${t.body}) between 1 and 5000`),
  ],
);

export const connectionsRelations = relations(connections, ({ one, many }) => ({
  teacher: one(users, { fields: [connections.teacherId], references: [users.id], relationName: "teacher" }),
  student: one(users, { fields: [connections.studentId], references: [users.id], relationName: "student" }),
  notes: many(teacherNotes),
}));

export const teacherNotesRelations = relations(teacherNotes, ({ one }) => ({
  connection: one(connections, { fields: [teacherNotes.connectionId], references: [connections.id] }),
}));

export type Connection = typeof connections.$inferSelect;
export type ConnectionStatus = (typeof connectionStatuses)[number];
export type TeacherNote = typeof teacherNotes.$inferSelect;
