import { and, eq, gt, gte, lt, lte, min, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { assignments, connections, lessons, practiceEntries, statisticsSnapshots, statisticsVersions, users } from "@/db/schema";
import { assignmentsOf, lessonsOf, otherPartyOfConnection, otherPartyOfLesson, practiceOf, type Viewer } from "@/lib/access";
import { addDaysToIsoDate, formatIsoDate, mondayOfIsoDate, weeksEndingWith, zonedToUtc } from "@/lib/time";

export const STATISTICS_PERIODS = [4, 12, 52] as const;
export type StatisticsPeriod = (typeof STATISTICS_PERIODS)[number];

/** `?weeks=` as a period, the shortest one when it is missing or not one of the three. */
export function parseStatisticsPeriod(value: unknown): StatisticsPeriod {
  const weeks = Number(typeof value === "string" ? value : NaN);
  return STATISTICS_PERIODS.find((period) => period === weeks) ?? STATISTICS_PERIODS[0];
}

export interface AttendanceCounts {
  present: number;
  late: number;
  absent: number;
  excused: number;
}

/** Assignments that fell due in the period, by how they ended. */
export interface AssignmentCounts {
  onTime: number;
  late: number;
  notDone: number;
}

export interface PersonStatistics {
  connectionId: string;
  /** The other party: the student for a teacher, the teacher for a student. */
  name: string;
  /** Lessons that were not cancelled. */
  lessons: number;
  attendance: AttendanceCounts;
  cancelledByTeacher: number;
  cancelledByStudent: number;
  practiceMinutes: number;
  assignments: AssignmentCounts;
}

export interface StudioStatistics {
  weeks: StatisticsPeriod;
  /** Monday of the first week; the period runs from its start in the viewer's zone until now. */
  firstDay: string;
  /** Every week of the period, oldest first, weeks without lessons included. */
  lessonsPerWeek: { weekOf: string; lessons: number }[];
  practicePerWeek: { weekOf: string; minutes: number }[];
  attendance: AttendanceCounts;
  cancellations: { byTeacher: number; byStudent: number };
  assignments: AssignmentCounts;
  perPerson: PersonStatistics[];
}

const other = alias(users, "other_party");
const emptyAttendance = (): AttendanceCounts => ({ present: 0, late: 0, absent: 0, excused: 0 });
const emptyAssignments = (): AssignmentCounts => ({ onTime: 0, late: 0, notDone: 0 });
const countWhere = (condition: SQL) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/** Present and late count as attended; unmarked lessons are not counted either way. */
export function attendanceRate(counts: AttendanceCounts): number | null {
  const marked = counts.present + counts.late + counts.absent + counts.excused;
  return marked === 0 ? null : (counts.present + counts.late) / marked;
}

/** Of the assignments that fell due, the share done by the due time; null when none fell due. */
export function onTimeRate(counts: AssignmentCounts): number | null {
  const due = counts.onTime + counts.late + counts.notDone;
  return due === 0 ? null : counts.onTime / due;
}

const mondayStart = (monday: string, zone: string) => {
  const [year, month, day] = monday.split("-").map(Number) as [number, number, number];
  return zonedToUtc({ year, month, day, hour: 0, minute: 0 }, zone);
};

/**
 * The viewer's last `weeks` weeks (this one included, Monday to Sunday in `zone`): lessons, attendance and
 * cancellations, practice, and assignments that fell due, per other party and in total.
 *
 * Served from the viewer's snapshot while nothing it counts has changed: the snapshot holds the statistics version it
 * was computed at (raised by database triggers on every write they depend on, drizzle/0008) and the instant the clock
 * alone would change them. The version is read before the figures, so a write that commits meanwhile leaves a
 * snapshot that is never served.
 */
export async function studioStatistics(
  viewer: Pick<Viewer, "id" | "role">,
  zone: string,
  weeks: StatisticsPeriod,
  now = new Date(),
): Promise<StudioStatistics> {
  const currentVersion = sql<number>`coalesce(${statisticsVersions.version}, 0)`.mapWith(Number);
  const [state] = await db
    .select({ version: currentVersion, snapshot: statisticsSnapshots.data })
    .from(users)
    .leftJoin(statisticsVersions, eq(statisticsVersions.userId, users.id))
    .leftJoin(
      statisticsSnapshots,
      and(
        eq(statisticsSnapshots.userId, users.id),
        eq(statisticsSnapshots.weeks, weeks),
        eq(statisticsSnapshots.zone, zone),
        eq(statisticsSnapshots.version, currentVersion),
        lte(statisticsSnapshots.computedAt, now),
        gt(statisticsSnapshots.validUntil, now),
      ),
    )
    .where(eq(users.id, viewer.id));
  if (state?.snapshot) return state.snapshot;

  const [statistics, validUntil] = await Promise.all([computeStatistics(viewer, zone, weeks, now), nextChangeByTime(viewer, zone, now)]);
  const snapshot = { zone, version: state?.version ?? 0, computedAt: now, validUntil, data: statistics };
  await db
    .insert(statisticsSnapshots)
    .values({ userId: viewer.id, weeks, ...snapshot })
    .onConflictDoUpdate({
      target: [statisticsSnapshots.userId, statisticsSnapshots.weeks],
      set: snapshot,
      // A slower request that read an older version does not replace a newer snapshot.
      setWhere: lte(statisticsSnapshots.version, snapshot.version),
    });
  return statistics;
}

/**
 * When the statistics computed at `now` would change with no write at all: the next lesson start (lessons count once
 * they start), the next due time (assignments count once due) or the next Monday in `zone` (the weeks move on).
 */
async function nextChangeByTime(viewer: Pick<Viewer, "id" | "role">, zone: string, now: Date): Promise<Date> {
  const nextWeek = mondayStart(addDaysToIsoDate(mondayOfIsoDate(formatIsoDate(now, zone)), 7), zone);
  const [next] = await db
    .select({
      lessonStart: sql<Date | null>`(${db
        .select({ value: min(lessons.startsAt) })
        .from(lessons)
        .where(and(lessonsOf(viewer), gte(lessons.startsAt, now)))})`.mapWith(lessons.startsAt),
      due: sql<Date | null>`(${db
        .select({ value: min(assignments.dueAt) })
        .from(assignments)
        .where(and(assignmentsOf(viewer), gt(assignments.dueAt, now)))})`.mapWith(assignments.dueAt),
    })
    .from(users)
    .where(eq(users.id, viewer.id));
  const candidates = [nextWeek, next?.lessonStart, next?.due].filter((instant): instant is Date => instant instanceof Date);
  return new Date(Math.min(...candidates.map((instant) => instant.getTime())));
}

/** Three statements whatever the studio's size: everything is grouped in SQL and only the aggregates come back. */
async function computeStatistics(
  viewer: Pick<Viewer, "id" | "role">,
  zone: string,
  weeks: StatisticsPeriod,
  now: Date,
): Promise<StudioStatistics> {
  const weekList = weeksEndingWith(formatIsoDate(now, zone), weeks);
  const weekStarts = weekList.map((monday) => mondayStart(monday, zone));
  const start = weekStarts[0]!;
  const firstDay = weekList[0]!;
  const inPeriod = and(lessonsOf(viewer), gte(lessons.startsAt, start), lt(lessons.startsAt, now));
  // A row's week is its 1-based bucket among the week starts (computed here, so DST moves them correctly). The starts
  // are our own ISO strings, written into the text so the grouped expression and the selected one are the same.
  const lessonWeek = sql<
    number | null
  >`width_bucket(${lessons.startsAt}, ${sql.raw(`'{${weekStarts.map((instant) => instant.toISOString()).join(",")}}'`)}::timestamptz[])`;
  const practiceWeek = sql<number | null>`width_bucket(${practiceEntries.practicedOn}, ${sql.raw(`'{${weekList.join(",")}}'`)}::date[])`;

  const practiceTotals = db
    .select({
      connectionId: practiceEntries.connectionId,
      week: practiceWeek.as("week"),
      minutes: sql<number>`sum(${practiceEntries.minutes})`.mapWith(Number).as("minutes"),
    })
    .from(practiceEntries)
    .where(and(practiceOf(viewer), gte(practiceEntries.practicedOn, firstDay)))
    .groupBy(sql`grouping sets ((${practiceEntries.connectionId}), (${practiceWeek}))`)
    .as("practice_totals");
  const assignmentsByConnection = db
    .select({
      connectionId: assignments.connectionId,
      onTime: countWhere(sql`${assignments.completedAt} <= ${assignments.dueAt}`).as("on_time"),
      late: countWhere(sql`${assignments.completedAt} > ${assignments.dueAt}`).as("late"),
      notDone: countWhere(sql`${assignments.completedAt} is null`).as("not_done"),
    })
    .from(assignments)
    .where(and(assignmentsOf(viewer), gte(assignments.dueAt, start), lte(assignments.dueAt, now)))
    .groupBy(assignments.connectionId)
    .as("assignment_totals");

  const [lessonRows, practiceRows, assignmentsDue] = await Promise.all([
    // Per other party and per week in one pass: a week's rows have no connection, a party's rows no week.
    db
      .select({
        connectionId: lessons.connectionId,
        name: other.name,
        week: lessonWeek,
        lessons: countWhere(sql`${lessons.status} <> 'cancelled'`),
        present: countWhere(sql`${lessons.attendance} = 'present'`),
        late: countWhere(sql`${lessons.attendance} = 'late'`),
        absent: countWhere(sql`${lessons.attendance} = 'absent'`),
        excused: countWhere(sql`${lessons.attendance} = 'excused'`),
        cancelledByTeacher: countWhere(sql`${lessons.status} = 'cancelled' and ${lessons.cancelledById} = ${lessons.teacherId}`),
        cancelledByStudent: countWhere(sql`${lessons.status} = 'cancelled' and ${lessons.cancelledById} = ${lessons.studentId}`),
      })
      .from(lessons)
      .innerJoin(other, eq(other.id, otherPartyOfLesson(viewer)))
      .where(inPeriod)
      .groupBy(sql`grouping sets ((${lessons.connectionId}, ${other.name}), (${lessonWeek}))`),
    // Aggregated first through the (connection, day) and (connection, due) indexes, then named: 60 names, not 9,000.
    db
      .select({ connectionId: practiceTotals.connectionId, name: other.name, week: practiceTotals.week, minutes: practiceTotals.minutes })
      .from(practiceTotals)
      .leftJoin(connections, eq(connections.id, practiceTotals.connectionId))
      .leftJoin(other, eq(other.id, otherPartyOfConnection(viewer))),
    db
      .select({
        connectionId: assignmentsByConnection.connectionId,
        name: other.name,
        onTime: assignmentsByConnection.onTime,
        late: assignmentsByConnection.late,
        notDone: assignmentsByConnection.notDone,
      })
      .from(assignmentsByConnection)
      .innerJoin(connections, eq(connections.id, assignmentsByConnection.connectionId))
      .innerJoin(other, eq(other.id, otherPartyOfConnection(viewer))),
  ]);

  // Anyone with a lesson, practice or an assignment due in the period has a row.
  const people = new Map<string, PersonStatistics>();
  const personOf = (connectionId: string, name: string) => {
    let person = people.get(connectionId);
    if (!person) {
      person = {
        connectionId,
        name,
        lessons: 0,
        attendance: emptyAttendance(),
        cancelledByTeacher: 0,
        cancelledByStudent: 0,
        practiceMinutes: 0,
        assignments: emptyAssignments(),
      };
      people.set(connectionId, person);
    }
    return person;
  };
  const lessonsByWeek = new Map<number, number>();
  for (const { connectionId, name, week, lessons: held, cancelledByTeacher, cancelledByStudent, ...attendance } of lessonRows) {
    if (week !== null) lessonsByWeek.set(week, held);
    else Object.assign(personOf(connectionId, name), { lessons: held, attendance, cancelledByTeacher, cancelledByStudent });
  }
  const minutesByWeek = new Map<number, number>();
  for (const { connectionId, name, week, minutes } of practiceRows) {
    if (week !== null) minutesByWeek.set(week, minutes);
    else personOf(connectionId, name ?? "").practiceMinutes = minutes;
  }
  for (const { connectionId, name, ...counts } of assignmentsDue) personOf(connectionId, name).assignments = counts;

  const perPerson = [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
  const attendance = emptyAttendance();
  const cancellations = { byTeacher: 0, byStudent: 0 };
  const assignmentTotals = emptyAssignments();
  for (const person of perPerson) {
    for (const key of Object.keys(attendance) as (keyof AttendanceCounts)[]) attendance[key] += person.attendance[key];
    for (const key of Object.keys(assignmentTotals) as (keyof AssignmentCounts)[]) assignmentTotals[key] += person.assignments[key];
    cancellations.byTeacher += person.cancelledByTeacher;
    cancellations.byStudent += person.cancelledByStudent;
  }
  return {
    weeks,
    firstDay,
    lessonsPerWeek: weekList.map((weekOf, index) => ({ weekOf, lessons: lessonsByWeek.get(index + 1) ?? 0 })),
    practicePerWeek: weekList.map((weekOf, index) => ({ weekOf, minutes: minutesByWeek.get(index + 1) ?? 0 })),
    attendance,
    cancellations,
    assignments: assignmentTotals,
    perPerson,
  };
}
