import "server-only";
import { and, asc, count, desc, eq, gte, lt, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { mayEndAfter } from "@/lib/scheduling/overlap";
import { awaitingAttendance } from "@/lib/scheduling/queries";
import { DAY } from "@/lib/time";
import { connections, lessonRequests, lessons, rescheduleRequests, users } from "@/db/schema";
import { acceptedConnectionsOf, lessonRequestsOf, lessonsOf, otherPartyOfConnection, otherPartyOfLesson, type Viewer } from "@/lib/access";

export interface UpcomingLesson {
  id: string;
  connectionId: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  otherPartyName: string;
}

export interface Dashboard {
  upcoming: UpcomingLesson[];
  lessonsThisWeek: number;
  connectionCount: number;
  /** The first connections' names, alphabetically: `DASHBOARD_LIST_LIMITS.connectionNames` of `connectionCount`. */
  connectionNames: string[];
  /** What waits for the viewer: requests and proposed moves from the other side. */
  pending: { requests: number; moves: number };
  /** Teachers: past lessons without attendance, newest first, and how many there are in all. */
  toMark: { items: LessonToMark[]; total: number };
}

export interface LessonToMark {
  id: string;
  startsAt: Date;
  otherPartyName: string;
}

const other = alias(users, "other_party");

/** A glance, not a list: the full lists are a click away. */
export const DASHBOARD_LIST_LIMITS = { unreadConversations: 5, connectionNames: 12, assignmentsDue: 5, lessonsToMark: 5 } as const;

/** Every query builds from the viewer's access scopes, so nothing of anyone else's or of an ended connection appears. */
export async function getDashboard(viewer: Viewer, now = new Date()): Promise<Dashboard> {
  const scalar = (query: SQL | { getSQL(): SQL }) => sql<number>`(${query})`.mapWith(Number);
  const countOf = (table: typeof lessons | typeof connections | typeof lessonRequests, where: SQL | undefined) =>
    scalar(db.select({ value: count() }).from(table).where(where));
  const [upcoming, [counts], toMark] = await Promise.all([
    db
      .select({
        id: lessons.id,
        connectionId: lessons.connectionId,
        startsAt: lessons.startsAt,
        endsAt: lessons.endsAt,
        location: lessons.location,
        otherPartyName: other.name,
      })
      .from(lessons)
      .innerJoin(other, eq(other.id, otherPartyOfLesson(viewer)))
      .where(
        and(
          lessonsOf(viewer),
          eq(lessons.status, "scheduled"),
          gte(lessons.endsAt, now),
          mayEndAfter(now),
          lt(lessons.startsAt, new Date(now.getTime() + 14 * DAY)),
        ),
      )
      .orderBy(asc(lessons.startsAt))
      .limit(8),
    // Every count, and the first names, in one statement: one round trip, whatever the number of figures.
    db
      .select({
        lessonsThisWeek: countOf(
          lessons,
          and(
            lessonsOf(viewer),
            ne(lessons.status, "cancelled"),
            gte(lessons.startsAt, now),
            lt(lessons.startsAt, new Date(now.getTime() + 7 * DAY)),
          ),
        ),
        connectionCount: countOf(connections, acceptedConnectionsOf(viewer)),
        connectionNames: sql<string[]>`array(${db
          .select({ name: other.name })
          .from(connections)
          .innerJoin(other, eq(other.id, otherPartyOfConnection(viewer)))
          .where(acceptedConnectionsOf(viewer))
          .orderBy(asc(other.name))
          .limit(DASHBOARD_LIST_LIMITS.connectionNames)})`,
        requests: countOf(
          lessonRequests,
          and(lessonRequestsOf(viewer), eq(lessonRequests.status, "pending"), ne(lessonRequests.requestedById, viewer.id)),
        ),
        // From the few pending proposals to their lessons, rather than from all the viewer's lessons to proposals.
        moves: scalar(
          db
            .select({ value: count() })
            .from(rescheduleRequests)
            .innerJoin(lessons, eq(lessons.id, rescheduleRequests.lessonId))
            .where(and(eq(rescheduleRequests.status, "pending"), ne(rescheduleRequests.proposedById, viewer.id), lessonsOf(viewer))),
        ),
      })
      .from(users)
      .where(eq(users.id, viewer.id)),
    viewer.role === "teacher"
      ? db
          .select({
            id: lessons.id,
            startsAt: lessons.startsAt,
            otherPartyName: other.name,
            total: sql<number>`count(*) over ()`.mapWith(Number),
          })
          .from(lessons)
          .innerJoin(other, eq(other.id, otherPartyOfLesson(viewer)))
          .where(awaitingAttendance(viewer, now))
          .orderBy(desc(lessons.startsAt))
          .limit(DASHBOARD_LIST_LIMITS.lessonsToMark)
      : [],
  ]);

  return {
    upcoming,
    lessonsThisWeek: counts?.lessonsThisWeek ?? 0,
    connectionCount: counts?.connectionCount ?? 0,
    connectionNames: counts?.connectionNames ?? [],
    pending: { requests: counts?.requests ?? 0, moves: counts?.moves ?? 0 },
    toMark: { items: toMark.map(({ total: _total, ...lesson }) => lesson), total: toMark[0]?.total ?? 0 },
  };
}
