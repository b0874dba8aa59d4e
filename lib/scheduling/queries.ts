import "server-only";
import { and, asc, desc, eq, gt, gte, isNull, lt, lte, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import {
  calendarEvents,
  connections,
  lessonRequests,
  lessons,
  rescheduleRequests,
  users,
  type Attendance,
  type LessonStatus,
} from "@/db/schema";
import {
  acceptedConnectionsOf,
  eventsOf,
  lessonRequestsOf,
  lessonsOf,
  otherPartyOfConnection,
  otherPartyOfLesson,
  parseId,
  rescheduleProposalsOf,
  type Viewer,
} from "@/lib/access";
import { DAY, formatIsoDate } from "@/lib/time";
import { mayEndAfter } from "./overlap";
import { previewRequests, type PreviewOccurrence } from "./requests";

export const UPCOMING_PAGE_SIZE = 15;
const RECENT_LIMIT = 12;
const UNMARKED_LIMIT = 60;

/** How far back a lesson's attendance is still asked for. */
export const ATTENDANCE_LOOKBACK_DAYS = 30;

/** The viewer's lessons that took place in the lookback window and have no attendance yet. */
export const awaitingAttendance = (viewer: Pick<Viewer, "id" | "role">, now: Date) =>
  and(
    lessonsOf(viewer),
    ne(lessons.status, "cancelled"),
    isNull(lessons.attendance),
    gte(lessons.startsAt, new Date(now.getTime() - ATTENDANCE_LOOKBACK_DAYS * DAY)),
    lte(lessons.endsAt, now),
  );
const otherParty = alias(users, "other_party");

const otherOfLesson = (viewer: Viewer) => eq(otherParty.id, otherPartyOfLesson(viewer));

export interface LessonRow {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: LessonStatus;
  attendance: Attendance | null;
  location: string | null;
  seriesId: string | null;
  otherPartyName: string;
  cancellationReason: string | null;
}

const lessonColumns = {
  id: lessons.id,
  startsAt: lessons.startsAt,
  endsAt: lessons.endsAt,
  status: lessons.status,
  attendance: lessons.attendance,
  location: lessons.location,
  seriesId: lessons.seriesId,
  otherPartyName: otherParty.name,
  cancellationReason: lessons.cancellationReason,
};

function lessonQuery(viewer: Viewer) {
  return db.select(lessonColumns).from(lessons).innerJoin(otherParty, otherOfLesson(viewer)).$dynamic();
}

export interface RequestRow {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  intervalWeeks: number | null;
  occurrences: number | null;
  untilDate: string | null;
  timezone: string;
  location: string | null;
  note: string | null;
  otherPartyName: string;
  mine: boolean;
  preview?: PreviewOccurrence[];
}

export interface ProposalRow {
  id: string;
  lessonId: string;
  fromStartsAt: Date;
  newStartsAt: Date;
  newEndsAt: Date;
  reason: string | null;
  otherPartyName: string;
  mine: boolean;
}

export interface ConnectionOption {
  id: string;
  name: string;
  /** "direct": the teacher's lessons for this student are booked at once (lib/connections setBookingMode). */
  bookingMode: "request" | "direct";
}

/** Where a page of upcoming lessons starts: after this lesson, in (starts_at, id) order. */
export interface UpcomingCursor {
  startsAt: Date;
  id: string;
}

/** A cursor in a URL: the start as epoch milliseconds, then the lesson id. Anything else is no cursor. */
export const encodeUpcomingCursor = ({ startsAt, id }: UpcomingCursor) => `${startsAt.getTime()}_${id}`;

export function decodeUpcomingCursor(value: unknown): UpcomingCursor | null {
  if (typeof value !== "string") return null;
  const match = /^(\d{1,15})_(.+)$/.exec(value);
  const id = match ? parseId(match[2]) : null;
  if (!match || !id) return null;
  return { startsAt: new Date(Number(match[1])), id };
}

export interface UpcomingOptions {
  /** Only the lessons of this connection (one student, or one teacher). */
  connectionId?: string | null;
  after?: UpcomingCursor | null;
}

export interface LessonsOverview {
  upcoming: LessonRow[];
  /** The cursor of the next page of upcoming lessons, when there is one. */
  upcomingNext: UpcomingCursor | null;
  /** Recent lessons, or with `unmarkedOnly` every lesson still awaiting attendance. */
  past: LessonRow[];
  incoming: RequestRow[];
  outgoing: RequestRow[];
  proposals: ProposalRow[];
  connections: ConnectionOption[];
}

export async function acceptedConnectionNames(viewer: Viewer): Promise<ConnectionOption[]> {
  return db
    .select({ id: connections.id, name: otherParty.name, bookingMode: connections.bookingMode })
    .from(connections)
    .innerJoin(otherParty, eq(otherParty.id, otherPartyOfConnection(viewer)))
    .where(acceptedConnectionsOf(viewer))
    .orderBy(asc(otherParty.name));
}

export async function getLessonsOverview(
  viewer: Viewer,
  now = new Date(),
  { unmarkedOnly = false, upcoming: upcomingOptions = {} }: { unmarkedOnly?: boolean; upcoming?: UpcomingOptions } = {},
): Promise<LessonsOverview> {
  const { connectionId, after } = upcomingOptions;
  const requestOther = alias(users, "request_other");
  const requestTeacher = alias(users, "request_teacher");
  const [upcomingPage, past, requests, proposals, options] = await Promise.all([
    lessonQuery(viewer)
      .where(
        and(
          lessonsOf(viewer),
          eq(lessons.status, "scheduled"),
          gte(lessons.endsAt, now),
          mayEndAfter(now),
          connectionId ? eq(lessons.connectionId, connectionId) : undefined,
          after ? sql`(${lessons.startsAt}, ${lessons.id}) > (${after.startsAt.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(lessons.startsAt), asc(lessons.id))
      // One more than a page says whether another page follows.
      .limit(UPCOMING_PAGE_SIZE + 1),
    unmarkedOnly
      ? lessonQuery(viewer).where(awaitingAttendance(viewer, now)).orderBy(desc(lessons.startsAt)).limit(UNMARKED_LIMIT)
      : lessonQuery(viewer)
          .where(and(lessonsOf(viewer), lt(lessons.startsAt, now), gte(lessons.startsAt, new Date(now.getTime() - 60 * DAY))))
          .orderBy(desc(lessons.startsAt))
          .limit(RECENT_LIMIT),
    db
      .select({
        id: lessonRequests.id,
        startsAt: lessonRequests.startsAt,
        durationMinutes: lessonRequests.durationMinutes,
        intervalWeeks: lessonRequests.intervalWeeks,
        occurrences: lessonRequests.occurrences,
        untilDate: lessonRequests.untilDate,
        timezone: lessonRequests.timezone,
        location: lessonRequests.location,
        note: lessonRequests.note,
        requestedById: lessonRequests.requestedById,
        otherPartyName: requestOther.name,
        parties: { teacherId: connections.teacherId, studentId: connections.studentId, teacherZone: requestTeacher.timezone },
      })
      .from(lessonRequests)
      .innerJoin(connections, eq(connections.id, lessonRequests.connectionId))
      .innerJoin(requestOther, eq(requestOther.id, otherPartyOfConnection(viewer)))
      .innerJoin(requestTeacher, eq(requestTeacher.id, connections.teacherId))
      .where(and(lessonRequestsOf(viewer), eq(lessonRequests.status, "pending")))
      .orderBy(asc(lessonRequests.startsAt))
      .limit(30),
    db
      .select({
        id: rescheduleRequests.id,
        lessonId: rescheduleRequests.lessonId,
        fromStartsAt: rescheduleRequests.fromStartsAt,
        newStartsAt: rescheduleRequests.newStartsAt,
        newEndsAt: rescheduleRequests.newEndsAt,
        reason: rescheduleRequests.reason,
        proposedById: rescheduleRequests.proposedById,
        otherPartyName: otherParty.name,
      })
      .from(rescheduleRequests)
      .innerJoin(lessons, eq(lessons.id, rescheduleRequests.lessonId))
      .innerJoin(otherParty, otherOfLesson(viewer))
      .where(and(rescheduleProposalsOf(viewer), eq(rescheduleRequests.status, "pending")))
      .orderBy(asc(rescheduleRequests.newStartsAt)),
    acceptedConnectionNames(viewer),
  ]);

  const row = ({ requestedById, parties: _parties, ...request }: (typeof requests)[number]) => ({
    ...request,
    mine: requestedById === viewer.id,
  });
  const answerable = requests.filter((request) => request.requestedById !== viewer.id);
  const previews = await previewRequests(
    viewer,
    answerable.map(({ parties, ...request }) => ({ request, ...parties, studentId: parties.studentId! })),
    now,
  );
  const upcoming = upcomingPage.slice(0, UPCOMING_PAGE_SIZE);
  const last = upcoming.at(-1);
  return {
    upcoming,
    upcomingNext: upcomingPage.length > UPCOMING_PAGE_SIZE && last ? { startsAt: last.startsAt, id: last.id } : null,
    past,
    incoming: answerable.map((request, index) => ({ ...row(request), preview: previews[index] })),
    outgoing: requests.filter((request) => request.requestedById === viewer.id).map(row),
    proposals: proposals.map(({ proposedById, ...proposal }) => ({ ...proposal, mine: proposedById === viewer.id })),
    connections: options,
  };
}

export interface MoveRow {
  id: string;
  fromStartsAt: Date;
  newStartsAt: Date;
  reason: string | null;
  status: string;
  proposedByName: string;
  createdAt: Date;
  respondedAt: Date | null;
}

export interface LessonDetail extends LessonRow {
  teacherName: string;
  studentName: string;
  viewerIsTeacher: boolean;
  note: string | null;
  cancelledAt: Date | null;
  moves: MoveRow[];
  pendingProposal: (MoveRow & { mine: boolean; newEndsAt: Date }) | null;
}

export async function getLessonDetail(viewer: Viewer, lessonId: string): Promise<LessonDetail | null> {
  const id = parseId(lessonId);
  if (!id) return null;
  const teacher = alias(users, "teacher");
  const student = alias(users, "student");
  const [row] = await db
    .select({
      ...lessonColumns,
      teacherName: teacher.name,
      studentName: student.name,
      teacherId: lessons.teacherId,
      note: lessonRequests.note,
      cancelledAt: lessons.cancelledAt,
    })
    .from(lessons)
    .innerJoin(otherParty, otherOfLesson(viewer))
    .innerJoin(teacher, eq(teacher.id, lessons.teacherId))
    .innerJoin(student, eq(student.id, lessons.studentId))
    .leftJoin(lessonRequests, eq(lessonRequests.id, lessons.requestId))
    .where(and(eq(lessons.id, id), lessonsOf(viewer)))
    .limit(1);
  if (!row) return null;
  const proposer = alias(users, "proposer");
  const history = await db
    .select({
      id: rescheduleRequests.id,
      fromStartsAt: rescheduleRequests.fromStartsAt,
      newStartsAt: rescheduleRequests.newStartsAt,
      newEndsAt: rescheduleRequests.newEndsAt,
      reason: rescheduleRequests.reason,
      status: rescheduleRequests.status,
      proposedByName: proposer.name,
      proposedById: rescheduleRequests.proposedById,
      createdAt: rescheduleRequests.createdAt,
      respondedAt: rescheduleRequests.respondedAt,
    })
    .from(rescheduleRequests)
    .innerJoin(proposer, eq(proposer.id, rescheduleRequests.proposedById))
    .where(eq(rescheduleRequests.lessonId, id))
    .orderBy(desc(rescheduleRequests.createdAt));
  const pending = history.find((move) => move.status === "pending");
  const { teacherId, ...lesson } = row;
  return {
    ...lesson,
    viewerIsTeacher: teacherId === viewer.id,
    moves: history.filter((move) => move.status !== "pending"),
    pendingProposal: pending ? { ...pending, mine: pending.proposedById === viewer.id } : null,
  };
}

export interface CalendarItem {
  id: string;
  kind: "lesson" | "event";
  title: string;
  start: string;
  end: string;
  allDay: boolean;
  status?: LessonStatus;
  attendance?: Attendance | null;
  location?: string | null;
  notes?: string | null;
  pendingMove?: boolean;
}

/** All-day events are dates in the viewer's zone, as the calendar places them. */
export async function getCalendarItems(viewer: Viewer, start: Date, end: Date, zone: string): Promise<CalendarItem[]> {
  const [lessonRows, eventRows, pendingMoves] = await Promise.all([
    // A lower bound on starts_at (lessons last at most 8 hours) keeps this a range scan.
    lessonQuery(viewer).where(and(lessonsOf(viewer), lt(lessons.startsAt, end), mayEndAfter(start), gt(lessons.endsAt, start))),
    db
      .select()
      .from(calendarEvents)
      .where(and(eventsOf(viewer), lt(calendarEvents.startsAt, end), gt(calendarEvents.endsAt, start))),
    db
      .select({ lessonId: rescheduleRequests.lessonId })
      .from(rescheduleRequests)
      .innerJoin(lessons, eq(lessons.id, rescheduleRequests.lessonId))
      .where(
        and(
          rescheduleProposalsOf(viewer),
          eq(rescheduleRequests.status, "pending"),
          lte(lessons.startsAt, end),
          gte(lessons.endsAt, start),
          mayEndAfter(start),
        ),
      ),
  ]);
  const moving = new Set(pendingMoves.map((row) => row.lessonId));
  return [
    ...lessonRows.map((lesson) => ({
      id: lesson.id,
      kind: "lesson" as const,
      title: `Lesson with ${lesson.otherPartyName}`,
      start: lesson.startsAt.toISOString(),
      end: lesson.endsAt.toISOString(),
      allDay: false,
      status: lesson.status,
      attendance: lesson.attendance,
      location: lesson.location,
      pendingMove: moving.has(lesson.id),
    })),
    ...eventRows.map((event) => ({
      id: event.id,
      kind: "event" as const,
      title: event.title,
      start: event.allDay ? formatIsoDate(event.startsAt, zone) : event.startsAt.toISOString(),
      end: event.allDay ? formatIsoDate(event.endsAt, zone) : event.endsAt.toISOString(),
      allDay: event.allDay,
      notes: event.notes,
    })),
  ];
}
