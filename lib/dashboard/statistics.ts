import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { connections, lessons, practiceEntries, users } from "@/db/schema";
import { acceptedConnectionsOf, lessonsOf, otherPartyOfConnection, otherPartyOfLesson, type Viewer } from "@/lib/access";
import { WEEK } from "@/lib/time";

export const STATISTICS_PERIODS = [4, 12, 52] as const;
export type StatisticsPeriod = (typeof STATISTICS_PERIODS)[number];

export interface AttendanceCounts {
  present: number;
  late: number;
  absent: number;
  excused: number;
}

export interface StudioStatistics {
  weeks: StatisticsPeriod;
  /** Lessons that took place (not cancelled) per week, oldest first; weeks start on Monday in the viewer's zone. */
  lessonsPerWeek: { weekOf: string; lessons: number }[];
  attendance: AttendanceCounts;
  perPerson: { connectionId: string; name: string; attendance: AttendanceCounts; practiceMinutes: number }[];
  cancellations: { byTeacher: number; byStudent: number };
}

const other = alias(users, "other_party");
const emptyAttendance = (): AttendanceCounts => ({ present: 0, late: 0, absent: 0, excused: 0 });

/** Present and late count as attended; unmarked lessons are not counted either way. */
export function attendanceRate(counts: AttendanceCounts): number | null {
  const marked = counts.present + counts.late + counts.absent + counts.excused;
  return marked === 0 ? null : (counts.present + counts.late) / marked;
}

/**
 * The last `weeks` weeks of the viewer's lessons and their students' (or, for a student, their own) practice, in four
 * statements whatever the studio's size: everything is grouped in SQL, only the aggregates come back.
 */
export async function studioStatistics(
  viewer: Pick<Viewer, "id" | "role">,
  zone: string,
  weeks: StatisticsPeriod,
  now = new Date(),
): Promise<StudioStatistics> {
  const start = new Date(now.getTime() - weeks * WEEK);
  const inPeriod = and(lessonsOf(viewer), gte(lessons.startsAt, start), lt(lessons.startsAt, now));
  const week = sql<string>`to_char(date_trunc('week', ${lessons.startsAt} at time zone ${zone}), 'YYYY-MM-DD')`;
  const count = (condition: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);
  const firstDay = start.toISOString().slice(0, 10);

  const [perWeek, perPerson, cancellations, practice] = await Promise.all([
    db
      .select({ weekOf: week, lessons: sql<number>`count(*)`.mapWith(Number) })
      .from(lessons)
      .where(and(inPeriod, sql`${lessons.status} <> 'cancelled'`))
      // By position: the zone is a bound parameter, and Postgres matches a grouped expression only with the same one.
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    db
      .select({
        connectionId: lessons.connectionId,
        name: other.name,
        present: count(sql`${lessons.attendance} = 'present'`),
        late: count(sql`${lessons.attendance} = 'late'`),
        absent: count(sql`${lessons.attendance} = 'absent'`),
        excused: count(sql`${lessons.attendance} = 'excused'`),
      })
      .from(lessons)
      .innerJoin(other, eq(other.id, otherPartyOfLesson(viewer)))
      .where(inPeriod)
      .groupBy(lessons.connectionId, other.name)
      .orderBy(asc(other.name)),
    db
      .select({
        byTeacher: count(sql`${lessons.cancelledById} = ${lessons.teacherId}`),
        byStudent: count(sql`${lessons.cancelledById} = ${lessons.studentId}`),
      })
      .from(lessons)
      .where(and(inPeriod, eq(lessons.status, "cancelled"))),
    db
      .select({
        connectionId: practiceEntries.connectionId,
        name: other.name,
        minutes: sql<number>`sum(${practiceEntries.minutes})`.mapWith(Number),
      })
      .from(practiceEntries)
      .innerJoin(connections, eq(connections.id, practiceEntries.connectionId))
      .innerJoin(other, eq(other.id, otherPartyOfConnection(viewer)))
      .where(and(acceptedConnectionsOf(viewer), gte(practiceEntries.practicedOn, firstDay)))
      .groupBy(practiceEntries.connectionId, other.name),
  ]);

  const minutesOf = new Map(practice.map((row) => [row.connectionId, row.minutes]));
  const total = emptyAttendance();
  const people = perPerson.map(({ connectionId, name, ...attendance }) => {
    for (const key of Object.keys(total) as (keyof AttendanceCounts)[]) total[key] += attendance[key];
    return { connectionId, name, attendance, practiceMinutes: minutesOf.get(connectionId) ?? 0 };
  });
  // Someone who practised but had no lesson in the period still shows, with their minutes.
  for (const row of practice) {
    if (!people.some((person) => person.connectionId === row.connectionId))
      people.push({ connectionId: row.connectionId, name: row.name, attendance: emptyAttendance(), practiceMinutes: row.minutes });
  }
  people.sort((a, b) => a.name.localeCompare(b.name));
  return {
    weeks,
    lessonsPerWeek: perWeek,
    attendance: total,
    perPerson: people,
    cancellations: cancellations[0] ?? { byTeacher: 0, byStudent: 0 },
  };
}
