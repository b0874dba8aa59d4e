import "server-only";
import { and, asc, count, desc, eq, gte, isNull, lt, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { assignments, connections, lessonRequests, lessons, messages, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/session";
import { DAY } from "@/lib/time";


export interface UpcomingLesson {
  id: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  otherPartyName: string;
}

export interface OpenAssignment {
  id: string;
  title: string;
  dueAt: Date | null;
  otherPartyName: string;
}

export interface RecentMessage {
  id: string;
  body: string;
  createdAt: Date;
  senderName: string;
}

export interface Dashboard {
  upcoming: UpcomingLesson[];
  lessonsThisWeek: number;
  connectionCount: number;
  attendanceRate: number | null;
  openAssignments: OpenAssignment[];
  pendingRequests: number;
  unreadMessages: RecentMessage[];
}

const other = alias(users, "other_party");

/**
 * Everything on the dashboard, read for one viewer: every query is filtered by the viewer's own id
 * and by accepted connections, so nothing of anybody else's can appear.
 */
export async function getDashboard(viewer: Actor, now = new Date()): Promise<Dashboard> {
  const isTeacher = viewer.role === "teacher";
  const mine = isTeacher ? eq(connections.teacherId, viewer.id) : eq(connections.studentId, viewer.id);
  const otherPartyId = isTeacher ? connections.studentId : connections.teacherId;
  const myLessons = isTeacher ? eq(lessons.teacherId, viewer.id) : eq(lessons.studentId, viewer.id);

  const [upcoming, weekCount, connectionCount, attendance, openAssignments, pendingRequests, unreadMessages] =
    await Promise.all([
      db
        .select({
          id: lessons.id,
          startsAt: lessons.startsAt,
          endsAt: lessons.endsAt,
          location: lessons.location,
          otherPartyName: other.name,
        })
        .from(lessons)
        .innerJoin(connections, and(eq(connections.id, lessons.connectionId), eq(connections.status, "accepted")))
        .innerJoin(other, eq(other.id, isTeacher ? lessons.studentId : lessons.teacherId))
        .where(and(myLessons, eq(lessons.status, "scheduled"), gte(lessons.endsAt, now), lt(lessons.startsAt, new Date(now.getTime() + 14 * DAY))))
        .orderBy(asc(lessons.startsAt))
        .limit(8),
      db
        .select({ value: count() })
        .from(lessons)
        .where(and(myLessons, ne(lessons.status, "cancelled"), gte(lessons.startsAt, now), lt(lessons.startsAt, new Date(now.getTime() + 7 * DAY)))),
      db.select({ value: count() }).from(connections).where(and(mine, eq(connections.status, "accepted"))),
      db
        .select({
          marked: count(lessons.attendance),
          attended: sql<number>`count(*) filter (where ${lessons.attendance} in ('present', 'late'))`.mapWith(Number),
        })
        .from(lessons)
        .where(and(myLessons, gte(lessons.startsAt, new Date(now.getTime() - 30 * DAY)), lt(lessons.startsAt, now))),
      db
        .select({ id: assignments.id, title: assignments.title, dueAt: assignments.dueAt, otherPartyName: other.name })
        .from(assignments)
        .innerJoin(connections, and(eq(connections.id, assignments.connectionId), eq(connections.status, "accepted")))
        .innerJoin(other, eq(other.id, otherPartyId))
        .where(and(mine, isNull(assignments.completedAt)))
        .orderBy(sql`${assignments.dueAt} asc nulls last`)
        .limit(5),
      db
        .select({ value: count() })
        .from(lessonRequests)
        .innerJoin(connections, and(eq(connections.id, lessonRequests.connectionId), eq(connections.status, "accepted")))
        .where(and(mine, eq(lessonRequests.status, "pending"), ne(lessonRequests.requestedById, viewer.id))),
      db
        .select({ id: messages.id, body: messages.body, createdAt: messages.createdAt, senderName: other.name })
        .from(messages)
        .innerJoin(connections, and(eq(connections.id, messages.connectionId), eq(connections.status, "accepted")))
        .innerJoin(other, eq(other.id, messages.senderId))
        .where(and(mine, ne(messages.senderId, viewer.id), isNull(messages.readAt)))
        .orderBy(desc(messages.seq))
        .limit(4),
    ]);

  const marked = attendance[0]?.marked ?? 0;
  return {
    upcoming,
    lessonsThisWeek: weekCount[0]?.value ?? 0,
    connectionCount: connectionCount[0]?.value ?? 0,
    attendanceRate: marked > 0 ? (attendance[0]!.attended / marked) : null,
    openAssignments,
    pendingRequests: pendingRequests[0]?.value ?? 0,
    unreadMessages,
  };
}

/** Names of the viewer's accepted connections, for the student's "your teachers" strip. */
export async function getConnectionNames(viewer: Actor): Promise<string[]> {
  const isTeacher = viewer.role === "teacher";
  const rows = await db
    .select({ name: other.name })
    .from(connections)
    .innerJoin(other, eq(other.id, isTeacher ? connections.studentId : connections.teacherId))
    .where(and(isTeacher ? eq(connections.teacherId, viewer.id) : eq(connections.studentId, viewer.id), eq(connections.status, "accepted")))
    .orderBy(asc(other.name));
  return rows.map((row) => row.name);
}

