import { relations, sql } from "drizzle-orm";
import { check, date, index, pgTable, smallint, text, uuid } from "drizzle-orm/pg-core";
import {
  ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH,
  ASSIGNMENT_NOTE_MAX_LENGTH,
  ASSIGNMENT_TITLE_MAX_LENGTH,
  PRACTICE_MAX_MINUTES,
  PRACTICE_NOTE_MAX_LENGTH,
} from "../../lib/practice/limits";
import { createdAt, id, instant, updatedAt } from "./columns";
import { connections } from "./connections";
import { lessons } from "./scheduling";

/** Work a teacher sets for one student of a connection; completing it and reopening it each keep their note. */
export const assignments = pgTable(
  "assignments",
  {
    id: id(),
    connectionId: uuid()
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    lessonId: uuid().references(() => lessons.id, { onDelete: "set null" }),
    title: text().notNull(),
    instructions: text(),
    dueAt: instant(),
    completedAt: instant(),
    completionNote: text(),
    reopenedAt: instant(),
    reopenComment: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("assignments_connection_due_idx").on(t.connectionId, t.dueAt),
    index("assignments_lesson_idx").on(t.lessonId),
    index("assignments_open_idx")
      .on(t.connectionId)
      .where(sql`${t.completedAt} is null`),
    check("assignments_title_length", sql`char_length(${t.title}) between 1 and ${sql.raw(String(ASSIGNMENT_TITLE_MAX_LENGTH))}`),
    check(
      "assignments_instructions_length",
      sql`${t.instructions} is null or char_length(${t.instructions}) <= ${sql.raw(String(ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH))}`,
    ),
    check(
      "assignments_completion_note_length",
      sql`${t.completionNote} is null or char_length(${t.completionNote}) <= ${sql.raw(String(ASSIGNMENT_NOTE_MAX_LENGTH))}`,
    ),
    check(
      "assignments_reopen_comment_length",
      sql`${t.reopenComment} is null or char_length(${t.reopenComment}) <= ${sql.raw(String(ASSIGNMENT_NOTE_MAX_LENGTH))}`,
    ),
    check("assignments_note_only_when_completed", sql`${t.completionNote} is null or ${t.completedAt} is not null`),
  ],
);

/** A student's practice on one day (in their zone), for one of their teachers and optionally one assignment. */
export const practiceEntries = pgTable(
  "practice_entries",
  {
    id: id(),
    connectionId: uuid()
      .notNull()
      .references(() => connections.id, { onDelete: "cascade" }),
    assignmentId: uuid().references(() => assignments.id, { onDelete: "set null" }),
    practicedOn: date({ mode: "string" }).notNull(),
    minutes: smallint().notNull(),
    note: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("practice_entries_connection_day_idx").on(t.connectionId, t.practicedOn),
    index("practice_entries_assignment_idx").on(t.assignmentId),
    check("practice_entries_minutes_range", sql`${t.minutes} between 1 and ${sql.raw(String(PRACTICE_MAX_MINUTES))}`),
    check("practice_entries_note_length", sql`${t.note} is null or char_length(${t.note}) <= ${sql.raw(String(PRACTICE_NOTE_MAX_LENGTH))}`),
  ],
);

export const assignmentsRelations = relations(assignments, ({ one, many }) => ({
  connection: one(connections, { fields: [assignments.connectionId], references: [connections.id] }),
  lesson: one(lessons, { fields: [assignments.lessonId], references: [lessons.id] }),
  practice: many(practiceEntries),
}));

export const practiceEntriesRelations = relations(practiceEntries, ({ one }) => ({
  connection: one(connections, { fields: [practiceEntries.connectionId], references: [connections.id] }),
  assignment: one(assignments, { fields: [practiceEntries.assignmentId], references: [assignments.id] }),
}));

export type Assignment = typeof assignments.$inferSelect;
export type PracticeEntry = typeof practiceEntries.$inferSelect;
