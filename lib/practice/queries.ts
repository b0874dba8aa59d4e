import { and, asc, desc, eq, getTableColumns, gte, inArray, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { assignments, connections, lessons, practiceEntries, users, type Assignment, type PracticeEntry } from "@/db/schema";
import { acceptedConnectionsOf, assignmentsOf, otherPartyOfConnection, practiceOf, type Viewer } from "@/lib/access";
import { addDaysToIsoDate, formatIsoDate, WEEK, weeksEndingWith } from "@/lib/time";

export interface AssignmentRow extends Assignment {
  otherPartyName: string;
  lessonStartsAt: Date | null;
  practiceMinutes: number;
}

export interface AssignmentLists {
  overdue: AssignmentRow[];
  dueThisWeek: AssignmentRow[];
  later: AssignmentRow[];
  completed: AssignmentRow[];
}

/** Completed work is history: the most recent are listed, the rest stay on the student's page. */
export const COMPLETED_LIST_LIMIT = 30;

const other = alias(users, "other_party");

/** Per row, through the assignment index: grouping all practice first would read every student's log. */
export const practiceMinutesOfAssignment =
  sql<number>`(select coalesce(sum(${practiceEntries.minutes}), 0) from ${practiceEntries} where ${practiceEntries.assignmentId} = ${assignments.id})`.mapWith(
    Number,
  );

function assignmentRows(viewer: Pick<Viewer, "id" | "role">) {
  return db
    .select({
      assignment: assignments,
      otherPartyName: other.name,
      lessonStartsAt: lessons.startsAt,
      practiceMinutes: practiceMinutesOfAssignment,
    })
    .from(assignments)
    .innerJoin(connections, eq(connections.id, assignments.connectionId))
    .innerJoin(other, eq(other.id, otherPartyOfConnection(viewer)))
    .leftJoin(lessons, eq(lessons.id, assignments.lessonId))
    .$dynamic();
}

const flatten = (row: { assignment: Assignment; otherPartyName: string; lessonStartsAt: Date | null; practiceMinutes: number }) => ({
  ...row.assignment,
  otherPartyName: row.otherPartyName,
  lessonStartsAt: row.lessonStartsAt,
  practiceMinutes: row.practiceMinutes,
});

/** Open work split by urgency (overdue first), then recently completed; optionally one connection's only. */
export async function listAssignments(
  viewer: Pick<Viewer, "id" | "role">,
  options: { connectionId?: string } = {},
  now = new Date(),
): Promise<AssignmentLists> {
  const scope = and(acceptedConnectionsOf(viewer), options.connectionId ? eq(assignments.connectionId, options.connectionId) : undefined);
  const [open, completed] = await Promise.all([
    assignmentRows(viewer)
      .where(and(scope, isNull(assignments.completedAt)))
      .orderBy(sql`${assignments.dueAt} asc nulls last`, asc(assignments.createdAt)),
    assignmentRows(viewer)
      .where(and(scope, isNotNull(assignments.completedAt)))
      .orderBy(desc(assignments.completedAt))
      .limit(COMPLETED_LIST_LIMIT),
  ]);
  const weekAhead = now.getTime() + WEEK;
  const rows = open.map(flatten);
  return {
    overdue: rows.filter((row) => row.dueAt && row.dueAt.getTime() < now.getTime()),
    dueThisWeek: rows.filter((row) => row.dueAt && row.dueAt.getTime() >= now.getTime() && row.dueAt.getTime() < weekAhead),
    later: rows.filter((row) => !row.dueAt || row.dueAt.getTime() >= weekAhead),
    completed: completed.map(flatten),
  };
}

export async function getAssignment(viewer: Pick<Viewer, "id" | "role">, assignmentId: string): Promise<AssignmentRow | null> {
  const [row] = await assignmentRows(viewer)
    .where(and(eq(assignments.id, assignmentId), acceptedConnectionsOf(viewer)))
    .limit(1);
  return row ? flatten(row) : null;
}

/** A lesson's assignments, for its page. */
export async function assignmentsForLesson(viewer: Pick<Viewer, "id" | "role">, lessonId: string): Promise<AssignmentRow[]> {
  const rows = await assignmentRows(viewer)
    .where(and(eq(assignments.lessonId, lessonId), acceptedConnectionsOf(viewer)))
    .orderBy(asc(assignments.createdAt));
  return rows.map(flatten);
}

export interface PracticeWeek {
  /** Monday of the week, `yyyy-mm-dd`. */
  weekOf: string;
  minutes: number;
}

export interface PracticeOverview {
  connectionId: string;
  otherPartyName: string;
  goalMinutes: number | null;
  thisWeekMinutes: number;
  weeks: PracticeWeek[];
  recent: (PracticeEntry & { assignmentTitle: string | null })[];
}

/**
 * Practice per connection of the viewer: minutes per week for the last `weekCount` weeks, this week against the goal,
 * and the latest entries. `zone` is the student's, whose calendar the days are on.
 */
export async function practiceOverview(
  viewer: Pick<Viewer, "id" | "role">,
  zone: string,
  options: { connectionId?: string; weekCount?: number; recentLimit?: number } = {},
  now = new Date(),
): Promise<PracticeOverview[]> {
  const { weekCount = 8, recentLimit = 10 } = options;
  const weeks = weeksEndingWith(formatIsoDate(now, zone), weekCount);
  const first = weeks[0]!;
  const owners = await db
    .select({ id: connections.id, otherPartyName: other.name, goalMinutes: connections.practiceGoalMinutes })
    .from(connections)
    .innerJoin(other, eq(other.id, otherPartyOfConnection(viewer)))
    .where(and(acceptedConnectionsOf(viewer), options.connectionId ? eq(connections.id, options.connectionId) : undefined))
    .orderBy(asc(other.name));
  if (owners.length === 0) return [];
  const ids = owners.map((owner) => owner.id);
  const ranked = db
    .select({
      ...getTableColumns(practiceEntries),
      assignmentTitle: assignments.title,
      rank: sql<number>`row_number() over (partition by ${practiceEntries.connectionId} order by ${practiceEntries.practicedOn} desc, ${practiceEntries.createdAt} desc)`.as(
        "rank",
      ),
    })
    .from(practiceEntries)
    .leftJoin(assignments, eq(assignments.id, practiceEntries.assignmentId))
    .where(inArray(practiceEntries.connectionId, ids))
    .as("ranked");
  const week = sql<string>`to_char(date_trunc('week', ${practiceEntries.practicedOn}), 'YYYY-MM-DD')`;
  const [totals, recent] = await Promise.all([
    db
      .select({
        connectionId: practiceEntries.connectionId,
        weekOf: week,
        minutes: sql<number>`sum(${practiceEntries.minutes})::int`.mapWith(Number),
      })
      .from(practiceEntries)
      .where(and(inArray(practiceEntries.connectionId, ids), gte(practiceEntries.practicedOn, first)))
      .groupBy(practiceEntries.connectionId, week),
    // The dashboard asks for no entries: no statement then.
    recentLimit > 0
      ? db.select().from(ranked).where(lte(ranked.rank, recentLimit)).orderBy(desc(ranked.practicedOn), desc(ranked.createdAt))
      : [],
  ]);
  const thisWeek = weeks.at(-1)!;
  const minutesByWeek = new Map(totals.map((row) => [`${row.connectionId} ${row.weekOf}`, row.minutes]));
  return owners.map((owner) => {
    const minutesOf = (weekOf: string) => minutesByWeek.get(`${owner.id} ${weekOf}`) ?? 0;
    return {
      connectionId: owner.id,
      otherPartyName: owner.otherPartyName,
      goalMinutes: owner.goalMinutes,
      thisWeekMinutes: minutesOf(thisWeek),
      weeks: weeks.map((weekOf) => ({ weekOf, minutes: minutesOf(weekOf) })),
      recent: recent.filter((row) => row.connectionId === owner.id).map(({ rank: _rank, ...entry }) => entry),
    };
  });
}

/** Days in a row with any practice, ending today, or yesterday when today has none yet (the streak is not lost before the day is). */
export async function practiceStreak(viewer: Pick<Viewer, "id" | "role">, zone: string, now = new Date()): Promise<number> {
  const today = formatIsoDate(now, zone);
  const rows = await db
    .selectDistinct({ day: practiceEntries.practicedOn })
    .from(practiceEntries)
    .where(and(practiceOf(viewer), gte(practiceEntries.practicedOn, addDaysToIsoDate(today, -400))))
    .orderBy(desc(practiceEntries.practicedOn));
  const days = new Set(rows.map((row) => row.day));
  let cursor = days.has(today) ? today : addDaysToIsoDate(today, -1);
  let streak = 0;
  while (days.has(cursor)) {
    streak += 1;
    cursor = addDaysToIsoDate(cursor, -1);
  }
  return streak;
}

/** The assignments a student can log practice against, for the log form. */
export async function openAssignmentsForPractice(viewer: Pick<Viewer, "id" | "role">) {
  return db
    .select({ id: assignments.id, title: assignments.title, connectionId: assignments.connectionId })
    .from(assignments)
    .where(and(assignmentsOf(viewer), isNull(assignments.completedAt)))
    .orderBy(sql`${assignments.dueAt} asc nulls last`)
    .limit(50);
}

/** Practice logged against one assignment, newest first. */
export async function practiceForAssignment(viewer: Pick<Viewer, "id" | "role">, assignmentId: string) {
  return db
    .select({ ...getTableColumns(practiceEntries), assignmentTitle: sql<string | null>`null` })
    .from(practiceEntries)
    .where(and(practiceOf(viewer), eq(practiceEntries.assignmentId, assignmentId)))
    .orderBy(desc(practiceEntries.practicedOn), desc(practiceEntries.createdAt))
    .limit(100);
}

/** For the dashboard: open work that is overdue or due within a week, soonest first, and how much of it there is. */
export async function assignmentsDue(viewer: Pick<Viewer, "id" | "role">, limit: number, now = new Date()) {
  const rows = await db
    .select({
      id: assignments.id,
      title: assignments.title,
      dueAt: assignments.dueAt,
      otherPartyName: other.name,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(assignments)
    .innerJoin(connections, eq(connections.id, assignments.connectionId))
    .innerJoin(other, eq(other.id, otherPartyOfConnection(viewer)))
    .where(and(acceptedConnectionsOf(viewer), isNull(assignments.completedAt), lte(assignments.dueAt, new Date(now.getTime() + WEEK))))
    .orderBy(asc(assignments.dueAt))
    .limit(limit);
  return { items: rows.map(({ total: _total, ...row }) => row as typeof row & { dueAt: Date }), total: rows[0]?.total ?? 0 };
}
