import "server-only";
import { and, asc, count, desc, eq, gte, inArray, lt, ne, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { connections, lessons, teacherNotes, users, type Connection } from "@/db/schema";
import {
  acceptedConnectionsOf,
  connectionsOf,
  findConnectionFor,
  invitationsAddressedTo,
  isExpired,
  type Viewer,
  type ViewerWithEmail,
} from "@/lib/access";
import { hashSecretToken } from "@/lib/auth/secret-tokens";
import { likePattern } from "@/lib/text";
import { DAY } from "@/lib/time";

export const ATTENDANCE_WINDOW_DAYS = 90;

export interface Contact {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  timezone: string;
  instruments: string[];
}

const contactColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  phone: users.phone,
  timezone: users.timezone,
  instruments: users.instruments,
};

interface NextLesson {
  startsAt: Date;
  endsAt: Date;
}

async function nextLessons(connectionIds: string[], now: Date): Promise<Map<string, NextLesson>> {
  if (connectionIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([lessons.connectionId], { connectionId: lessons.connectionId, startsAt: lessons.startsAt, endsAt: lessons.endsAt })
    .from(lessons)
    .where(and(inArray(lessons.connectionId, connectionIds), eq(lessons.status, "scheduled"), gte(lessons.startsAt, now)))
    .orderBy(lessons.connectionId, asc(lessons.startsAt));
  return new Map(rows.map((row) => [row.connectionId, row]));
}

export interface StudentRow {
  connectionId: string;
  student: Contact;
  messagingLocked: boolean;
  nextLesson: NextLesson | null;
  attendanceRate: number | null;
}

export async function listStudents(viewer: Viewer, query?: string, now = new Date()): Promise<StudentRow[]> {
  if (viewer.role !== "teacher") return [];
  const search = query ? or(sql`${users.name} ilike ${likePattern(query)}`, sql`${users.email} ilike ${likePattern(query)}`) : undefined;
  const rows = await db
    .select({ connectionId: connections.id, messagingLocked: connections.messagingLocked, student: contactColumns })
    .from(connections)
    .innerJoin(users, eq(users.id, connections.studentId))
    .where(and(acceptedConnectionsOf(viewer), search))
    .orderBy(asc(users.name));
  const ids = rows.map((row) => row.connectionId);
  if (ids.length === 0) return [];

  const [upcoming, attendance] = await Promise.all([
    nextLessons(ids, now),
    db
      .select({
        connectionId: lessons.connectionId,
        marked: count(lessons.attendance),
        attended: sql<number>`count(*) filter (where ${lessons.attendance} in ('present', 'late'))`.mapWith(Number),
      })
      .from(lessons)
      .where(
        and(
          inArray(lessons.connectionId, ids),
          gte(lessons.startsAt, new Date(now.getTime() - ATTENDANCE_WINDOW_DAYS * DAY)),
          lt(lessons.startsAt, now),
        ),
      )
      .groupBy(lessons.connectionId),
  ]);
  const attendanceBy = new Map(attendance.map((row) => [row.connectionId, row]));
  return rows.map((row) => {
    const marked = attendanceBy.get(row.connectionId);
    return {
      ...row,
      nextLesson: upcoming.get(row.connectionId) ?? null,
      attendanceRate: marked && marked.marked > 0 ? marked.attended / marked.marked : null,
    };
  });
}

export interface SentInvitation {
  connectionId: string;
  email: string;
  studentName: string | null;
  invitedAt: Date;
  expired: boolean;
}

export async function listSentInvitations(viewer: Viewer, now = new Date()): Promise<SentInvitation[]> {
  if (viewer.role !== "teacher") return [];
  const rows = await db
    .select({ connection: connections, studentName: users.name })
    .from(connections)
    .leftJoin(users, eq(users.id, connections.studentId))
    .where(and(connectionsOf(viewer), eq(connections.status, "pending")))
    .orderBy(desc(connections.invitedAt));
  return rows.map(({ connection, studentName }) => ({
    connectionId: connection.id,
    email: connection.invitedEmail,
    studentName,
    invitedAt: connection.invitedAt,
    expired: isExpired(connection, now),
  }));
}

export interface StudentDetail {
  connection: Pick<Connection, "id" | "status" | "messagingLocked" | "bookingMode" | "invitedAt" | "respondedAt" | "endedAt">;
  student: Contact;
  lessons: { id: string; startsAt: Date; endsAt: Date; status: string; attendance: string | null; cancellationReason: string | null }[];
  notes: { id: string; body: string; createdAt: Date; updatedAt: Date }[];
  nextLesson: NextLesson | null;
}

/** Ended connections stay readable as history; pending or declined ones never show. */
export async function getStudentDetail(viewer: Viewer, connectionId: string, now = new Date()): Promise<StudentDetail | null> {
  const connection = await findConnectionFor(viewer, connectionId, { as: "teacher", state: "history" });
  if (!connection?.studentId) return null;
  const [[student], lessonRows, notes, upcoming] = await Promise.all([
    db.select(contactColumns).from(users).where(eq(users.id, connection.studentId)),
    db
      .select({
        id: lessons.id,
        startsAt: lessons.startsAt,
        endsAt: lessons.endsAt,
        status: lessons.status,
        attendance: lessons.attendance,
        cancellationReason: lessons.cancellationReason,
      })
      .from(lessons)
      .where(and(eq(lessons.connectionId, connection.id), lt(lessons.startsAt, now)))
      .orderBy(desc(lessons.startsAt))
      .limit(20),
    db
      .select({ id: teacherNotes.id, body: teacherNotes.body, createdAt: teacherNotes.createdAt, updatedAt: teacherNotes.updatedAt })
      .from(teacherNotes)
      .where(eq(teacherNotes.connectionId, connection.id))
      .orderBy(desc(teacherNotes.createdAt)),
    nextLessons([connection.id], now),
  ]);
  return { connection, student: student!, lessons: lessonRows, notes, nextLesson: upcoming.get(connection.id) ?? null };
}

export interface TeacherRow {
  connectionId: string;
  teacher: Contact;
  messagingLocked: boolean;
  bookingMode: "request" | "direct";
  nextLesson: NextLesson | null;
}

export async function listTeachers(viewer: Viewer, now = new Date()): Promise<TeacherRow[]> {
  if (viewer.role !== "student") return [];
  const rows = await db
    .select({
      connectionId: connections.id,
      messagingLocked: connections.messagingLocked,
      bookingMode: connections.bookingMode,
      teacher: contactColumns,
    })
    .from(connections)
    .innerJoin(users, eq(users.id, connections.teacherId))
    .where(acceptedConnectionsOf(viewer))
    .orderBy(asc(users.name));
  const upcoming = await nextLessons(
    rows.map((row) => row.connectionId),
    now,
  );
  return rows.map((row) => ({ ...row, nextLesson: upcoming.get(row.connectionId) ?? null }));
}

export interface ReceivedInvitation {
  connectionId: string;
  teacherName: string;
  teacherInstruments: string[];
  message: string | null;
  invitedAt: Date;
  highlighted: boolean;
}

export async function listReceivedInvitations(
  viewer: ViewerWithEmail,
  inviteToken?: string,
  now = new Date(),
): Promise<ReceivedInvitation[]> {
  const tokenHash = inviteToken ? hashSecretToken(inviteToken) : null;
  const rows = await db
    .select({ connection: connections, teacherName: users.name, teacherInstruments: users.instruments })
    .from(connections)
    .innerJoin(users, eq(users.id, connections.teacherId))
    .where(and(invitationsAddressedTo(viewer, now), ne(connections.teacherId, viewer.id)))
    .orderBy(desc(connections.invitedAt));
  return rows.map(({ connection, teacherName, teacherInstruments }) => ({
    connectionId: connection.id,
    teacherName,
    teacherInstruments,
    message: connection.inviteMessage,
    invitedAt: connection.invitedAt,
    highlighted: tokenHash !== null && connection.inviteTokenHash === tokenHash,
  }));
}
