import { and, asc, eq, gte, lt, lte } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { assignments, connections, lessons, practiceEntries, users } from "@/db/schema";
import { sharedHistoryOf, type Viewer } from "@/lib/access";
import { addLocalDays, formatIsoDate, formatLocalDateTime, parseLocalDateTime, utcToZoned, zonedToUtc } from "@/lib/time";
import { practiceMinutesOfAssignment } from "@/lib/practice/queries";
import { toCsv } from "./csv";
import type { ExportKind, ExportQuery } from "./schemas";

type Teacher = Pick<Viewer, "id" | "role"> & { timezone: string };

const student = alias(users, "student");
const canceller = alias(users, "canceller");

const wallTime = (instant: Date, zone: string) => formatLocalDateTime(utcToZoned(instant, zone)).slice(11);
const wallDateTime = (instant: Date | null, zone: string) =>
  instant ? formatLocalDateTime(utcToZoned(instant, zone)).replace("T", " ") : "";

/** The teacher's days [from, to] as instants: from midnight starting `from` to midnight ending `to`, in their zone. */
function range(query: ExportQuery, zone: string): [Date, Date] {
  const start = zonedToUtc(parseLocalDateTime(`${query.from}T00:00`)!, zone);
  const end = zonedToUtc(addLocalDays(parseLocalDateTime(`${query.to}T00:00`)!, 1), zone);
  return [start, end];
}

/** The teacher's own records, ended students' included: an export is their history, as each student's page keeps it. */
const teacherConnections = (teacher: Teacher) => and(eq(connections.teacherId, teacher.id), sharedHistoryOf(teacher));

async function lessonsCsv(teacher: Teacher, query: ExportQuery): Promise<string> {
  const zone = teacher.timezone;
  const [start, end] = range(query, zone);
  const rows = await db
    .select({
      startsAt: lessons.startsAt,
      endsAt: lessons.endsAt,
      student: student.name,
      status: lessons.status,
      attendance: lessons.attendance,
      cancelledBy: canceller.name,
      reason: lessons.cancellationReason,
      location: lessons.location,
    })
    .from(lessons)
    .innerJoin(connections, eq(connections.id, lessons.connectionId))
    .innerJoin(student, eq(student.id, lessons.studentId))
    .leftJoin(canceller, eq(canceller.id, lessons.cancelledById))
    .where(and(teacherConnections(teacher), eq(lessons.teacherId, teacher.id), gte(lessons.startsAt, start), lt(lessons.startsAt, end)))
    .orderBy(asc(lessons.startsAt));
  return toCsv(
    ["Date", `Start (${zone})`, "End", "Student", "Status", "Attendance", "Cancelled by", "Cancellation reason", "Location"],
    rows.map((row) => [
      formatIsoDate(row.startsAt, zone),
      wallTime(row.startsAt, zone),
      wallTime(row.endsAt, zone),
      row.student,
      row.status,
      row.attendance,
      row.cancelledBy,
      row.reason,
      row.location,
    ]),
  );
}

async function assignmentsCsv(teacher: Teacher, query: ExportQuery): Promise<string> {
  const zone = teacher.timezone;
  const [start, end] = range(query, zone);
  const rows = await db
    .select({
      student: student.name,
      title: assignments.title,
      setAt: assignments.createdAt,
      dueAt: assignments.dueAt,
      completedAt: assignments.completedAt,
      note: assignments.completionNote,
      minutes: practiceMinutesOfAssignment,
      instructions: assignments.instructions,
    })
    .from(assignments)
    .innerJoin(connections, eq(connections.id, assignments.connectionId))
    .innerJoin(student, eq(student.id, connections.studentId))
    .where(and(teacherConnections(teacher), gte(assignments.createdAt, start), lt(assignments.createdAt, end)))
    .orderBy(asc(assignments.createdAt));
  return toCsv(
    ["Student", "Title", `Set (${zone})`, "Due", "Completed", "Completion note", "Practice minutes", "Instructions"],
    rows.map((row) => [
      row.student,
      row.title,
      wallDateTime(row.setAt, zone),
      wallDateTime(row.dueAt, zone),
      wallDateTime(row.completedAt, zone),
      row.note,
      row.minutes,
      row.instructions,
    ]),
  );
}

async function practiceCsv(teacher: Teacher, query: ExportQuery): Promise<string> {
  const rows = await db
    .select({
      student: student.name,
      day: practiceEntries.practicedOn,
      minutes: practiceEntries.minutes,
      assignment: assignments.title,
      note: practiceEntries.note,
    })
    .from(practiceEntries)
    .innerJoin(connections, eq(connections.id, practiceEntries.connectionId))
    .innerJoin(student, eq(student.id, connections.studentId))
    .leftJoin(assignments, eq(assignments.id, practiceEntries.assignmentId))
    .where(and(teacherConnections(teacher), gte(practiceEntries.practicedOn, query.from), lte(practiceEntries.practicedOn, query.to)))
    .orderBy(asc(practiceEntries.practicedOn), asc(student.name));
  return toCsv(
    ["Student", "Date (student's calendar)", "Minutes", "Assignment", "Note"],
    rows.map((row) => [row.student, row.day, row.minutes, row.assignment, row.note]),
  );
}

const builders: Record<ExportKind, (teacher: Teacher, query: ExportQuery) => Promise<string>> = {
  lessons: lessonsCsv,
  assignments: assignmentsCsv,
  practice: practiceCsv,
};

export const teacherCsv = (teacher: Teacher, query: ExportQuery) => builders[query.kind](teacher, query);

export const exportFileName = (query: ExportQuery) => `musbook-${query.kind}-${query.from}-to-${query.to}.csv`;
