import "server-only";
import { and, asc, count, eq, gte, lt, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { mayEndAfter } from "@/lib/scheduling/overlap";
import { DAY } from "@/lib/time";
import { connections, lessonRequests, lessons, users } from "@/db/schema";
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
  attendanceRate: number | null;
  pendingRequests: number;
}

const other = alias(users, "other_party");

/** A glance, not a list: the full lists are a click away. */
export const DASHBOARD_LIST_LIMITS = { unreadConversations: 5, connectionNames: 12, assignmentsDue: 5 } as const;

/** Every query builds from the viewer's access scopes, so nothing of anyone else's or of an ended connection appears. */
export async function getDashboard(viewer: Viewer, now = new Date()): Promise<Dashboard> {
  const [upcoming, weekCount, connectionCount, attendance, pendingRequests] = await Promise.all([
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
    db
      .select({ value: count() })
      .from(lessons)
      .where(
        and(
          lessonsOf(viewer),
          ne(lessons.status, "cancelled"),
          gte(lessons.startsAt, now),
          lt(lessons.startsAt, new Date(now.getTime() + 7 * DAY)),
        ),
      ),
    db.select({ value: count() }).from(connections).where(acceptedConnectionsOf(viewer)),
    db
      .select({
        marked: count(lessons.attendance),
        attended: sql<number>`count(*) filter (where ${lessons.attendance} in ('present', 'late'))`.mapWith(Number),
      })
      .from(lessons)
      .where(and(lessonsOf(viewer), gte(lessons.startsAt, new Date(now.getTime() - 30 * DAY)), lt(lessons.startsAt, now))),
    db
      .select({ value: count() })
      .from(lessonRequests)
      .where(and(lessonRequestsOf(viewer), eq(lessonRequests.status, "pending"), ne(lessonRequests.requestedById, viewer.id))),
  ]);

  const marked = attendance[0]?.marked ?? 0;
  return {
    upcoming,
    lessonsThisWeek: weekCount[0]?.value ?? 0,
    connectionCount: connectionCount[0]?.value ?? 0,
    attendanceRate: marked > 0 ? attendance[0]!.attended / marked : null,
    pendingRequests: pendingRequests[0]?.value ?? 0,
  };
}

export async function getConnectionNames(viewer: Viewer, limit: number): Promise<string[]> {
  const rows = await db
    .select({ name: other.name })
    .from(connections)
    .innerJoin(other, eq(other.id, otherPartyOfConnection(viewer)))
    .where(acceptedConnectionsOf(viewer))
    .orderBy(asc(other.name))
    .limit(limit);
  return rows.map((row) => row.name);
}
