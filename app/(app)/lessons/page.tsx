import { ArrowRight, CalendarClock, CalendarRange, History, Inbox, Send } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AttendancePicker, IncomingRequestActions, ProposalActions, WithdrawRequestButton } from "@/components/scheduling/lesson-actions";
import { AttendanceBadge, LessonLocation, LessonStatusBadge, ListCard } from "@/components/scheduling/lesson-parts";
import { RequestLessonPanel } from "@/components/scheduling/request-lesson-panel";
import { UpcomingFilter } from "@/components/scheduling/upcoming-filter";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { parseId } from "@/lib/access";
import {
  ATTENDANCE_LOOKBACK_DAYS,
  decodeUpcomingCursor,
  encodeUpcomingCursor,
  getLessonsOverview,
  type RequestRow,
} from "@/lib/scheduling/queries";
import { formatDateTime, formatDay, formatTime, formatTimeRange, zoneLabel } from "@/lib/time";
import {
  approveRequestAction,
  approveRescheduleAction,
  declineRequestAction,
  declineRescheduleAction,
  markAttendanceAction,
  requestLessonsAction,
  withdrawRequestAction,
} from "./actions";

export const metadata: Metadata = { title: "Lessons" };

function describeRequest(request: RequestRow, zone: string): string {
  const first = formatDateTime(request.startsAt, zone);
  if (!request.intervalWeeks) return `${first} · ${request.durationMinutes} min`;
  const every = request.intervalWeeks === 2 ? "every two weeks" : "weekly";
  const until = request.occurrences ? `${request.occurrences} lessons` : `until ${request.untilDate}`;
  return `${first} · ${request.durationMinutes} min · ${every}, ${until}`;
}

export default async function LessonsPage({ searchParams }: PageProps<"/lessons">) {
  const user = await requireUser("/lessons");
  const now = new Date();
  const zone = user.timezone;
  const isTeacher = user.role === "teacher";
  const params = await searchParams;
  // Teachers can narrow the past lessons to those still awaiting attendance (the dashboard links here).
  const unmarkedOnly = isTeacher && params.show === "unmarked";
  // Upcoming lessons: with one student or teacher (`with`, a connection id), a page at a time (`after`, a cursor).
  const withId = parseId(params.with);
  const after = decodeUpcomingCursor(params.after);
  const overview = await getLessonsOverview(user, now, { unmarkedOnly, upcoming: { connectionId: withId, after } });
  const filteredTo = overview.connections.find((connection) => connection.id === withId) ?? null;
  // Links that change one part of the page keep the others (the recent lessons' filter, the upcoming page and filter).
  const lessonsHref = (query: Record<string, string | null>, hash: string) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries({ show: unmarkedOnly ? "unmarked" : null, ...query })) if (value) search.set(name, value);
    return `/lessons${search.size ? `?${search}` : ""}#${hash}`;
  };
  const otherLabel = isTeacher ? "Student" : "Teacher";

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="max-sm:w-full">
          <p className="text-sm text-muted-foreground">Times in {zoneLabel(zone, now)}</p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">Lessons</h1>
        </div>
        {isTeacher ? (
          <ButtonLink href="/lessons/term" variant="secondary" className="sm:ml-auto">
            <CalendarRange className="size-4" aria-hidden="true" />
            Book the term
          </ButtonLink>
        ) : null}
        <RequestLessonPanel
          requestLessons={requestLessonsAction}
          connections={overview.connections}
          timezone={zone}
          otherLabel={otherLabel}
          isTeacher={isTeacher}
        />
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <ListCard
          id="requests"
          title="Requests awaiting you"
          action={<Inbox className="size-4 text-muted-foreground" aria-hidden="true" />}
          empty={overview.incoming.length === 0 ? "No requests to answer." : null}
        >
          <ul className="space-y-4">
            {overview.incoming.map((request) => (
              <li key={request.id} className="space-y-3 rounded-xl border p-4" aria-label={`Request from ${request.otherPartyName}`}>
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="font-medium">{request.otherPartyName}</p>
                    <p className="text-sm text-muted-foreground">{describeRequest(request, zone)}</p>
                    <LessonLocation location={request.location} />
                  </div>
                  <Badge tone="warning">Pending</Badge>
                </div>
                {request.note ? <p className="whitespace-pre-line rounded-lg bg-surface-muted px-3 py-2 text-sm">{request.note}</p> : null}
                <IncomingRequestActions
                  actions={{ approve: approveRequestAction, decline: declineRequestAction }}
                  requestId={request.id}
                  clashes={(request.preview ?? [])
                    .filter((occurrence) => occurrence.clash)
                    .map((occurrence) => ({
                      iso: occurrence.startsAt.toISOString(),
                      label: `${formatDateTime(occurrence.startsAt, zone)} (${occurrence.clash!.with === "your event" ? "your event" : occurrence.clash!.with === "you" ? "you have a lesson" : `${request.otherPartyName} has a lesson`})`,
                    }))}
                />
              </li>
            ))}
          </ul>
        </ListCard>

        <div className="space-y-6">
          <ListCard
            id="moves"
            title="Proposed new times"
            action={<CalendarClock className="size-4 text-muted-foreground" aria-hidden="true" />}
            empty={overview.proposals.length === 0 ? "No lesson is waiting to be moved." : null}
          >
            <ul className="space-y-3">
              {overview.proposals.map((proposal) => (
                <li
                  key={proposal.id}
                  className="space-y-2 rounded-xl border p-4"
                  aria-label={`Proposed move of the lesson with ${proposal.otherPartyName}`}
                >
                  <p className="text-sm">
                    <span className="font-medium">{proposal.otherPartyName}</span>
                    <span className="text-muted-foreground"> · {proposal.mine ? "you proposed" : "proposed by them"}</span>
                  </p>
                  <p className="flex flex-wrap items-center gap-2 text-sm">
                    <span className="text-muted-foreground line-through">{formatDateTime(proposal.fromStartsAt, zone)}</span>
                    <ArrowRight className="size-3.5 text-muted-foreground" aria-hidden="true" />
                    <span className="font-medium">{formatDateTime(proposal.newStartsAt, zone)}</span>
                  </p>
                  {proposal.reason ? <p className="text-sm text-muted-foreground">“{proposal.reason}”</p> : null}
                  {proposal.mine ? (
                    <Badge tone="warning">Waiting for {proposal.otherPartyName}</Badge>
                  ) : (
                    <ProposalActions
                      actions={{ approve: approveRescheduleAction, decline: declineRescheduleAction }}
                      rescheduleId={proposal.id}
                    />
                  )}
                </li>
              ))}
            </ul>
          </ListCard>

          <ListCard
            title="Your requests"
            action={<Send className="size-4 text-muted-foreground" aria-hidden="true" />}
            empty={overview.outgoing.length === 0 ? "Nothing waiting for an answer." : null}
          >
            <ul className="divide-y">
              {overview.outgoing.map((request) => (
                <li
                  key={request.id}
                  className="flex items-center justify-between gap-3 py-3 first:pt-0 last:pb-0"
                  aria-label={`Your request to ${request.otherPartyName}`}
                >
                  <div className="min-w-0">
                    <p className="text-sm font-medium">To {request.otherPartyName}</p>
                    <p className="text-xs text-muted-foreground">{describeRequest(request, zone)}</p>
                  </div>
                  <WithdrawRequestButton withdrawRequest={withdrawRequestAction} requestId={request.id} />
                </li>
              ))}
            </ul>
          </ListCard>
        </div>
      </div>

      <ListCard
        id="upcoming"
        title="Upcoming lessons"
        action={
          <div className="flex flex-wrap items-center justify-end gap-3">
            {overview.connections.length > 1 ? (
              <UpcomingFilter
                options={overview.connections}
                selected={filteredTo?.id ?? null}
                otherLabel={otherLabel}
                keep={unmarkedOnly ? { show: "unmarked" } : {}}
              />
            ) : null}
            <Link href="/calendar" className="text-sm font-medium text-accent hover:underline">
              Open calendar
            </Link>
          </div>
        }
        empty={
          overview.upcoming.length > 0
            ? null
            : after
              ? "No later lessons."
              : filteredTo
                ? `No upcoming lessons with ${filteredTo.name}.`
                : withId
                  ? `That ${otherLabel.toLowerCase()} is not one of your connections.`
                  : isTeacher
                    ? "No upcoming lessons. Approve a request or send one to a student."
                    : "No upcoming lessons. Request one from your teacher."
        }
      >
        <ul className="divide-y rounded-xl border" aria-label="Upcoming lessons">
          {overview.upcoming.map((lesson) => (
            <li key={lesson.id}>
              <Link href={`/lessons/${lesson.id}`} className="flex items-center gap-4 px-4 py-3 transition hover:bg-surface-muted/60">
                <div className="w-28 shrink-0">
                  <p className="text-xs text-muted-foreground">{formatDay(lesson.startsAt, zone)}</p>
                  <p className="text-sm font-semibold tabular-nums">{formatTimeRange(lesson.startsAt, lesson.endsAt, zone)}</p>
                </div>
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium">{lesson.otherPartyName}</p>
                  <LessonLocation location={lesson.location} insideLink />
                </div>
                {lesson.seriesId ? <Badge className="max-sm:hidden">Series</Badge> : null}
              </Link>
            </li>
          ))}
        </ul>
        {after || overview.upcomingNext ? (
          <nav aria-label="Upcoming lessons pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm font-medium">
            {after ? (
              <Link href={lessonsHref({ with: filteredTo?.id ?? null }, "upcoming")} className="text-accent hover:underline">
                Back to the next lessons
              </Link>
            ) : (
              <span />
            )}
            {overview.upcomingNext ? (
              <Link
                href={lessonsHref({ with: filteredTo?.id ?? null, after: encodeUpcomingCursor(overview.upcomingNext) }, "upcoming")}
                className="inline-flex items-center gap-1 text-accent hover:underline"
              >
                Later lessons
                <ArrowRight className="size-4" aria-hidden="true" />
              </Link>
            ) : null}
          </nav>
        ) : null}
      </ListCard>

      <ListCard
        id="recent"
        title={unmarkedOnly ? "Attendance to mark" : "Recent lessons"}
        action={
          isTeacher ? (
            <Link
              href={lessonsHref(
                {
                  show: unmarkedOnly ? null : "unmarked",
                  with: filteredTo?.id ?? null,
                  after: after ? encodeUpcomingCursor(after) : null,
                },
                "recent",
              )}
              className="inline-flex items-center gap-1.5 text-sm font-medium text-accent hover:underline"
            >
              <History className="size-4" aria-hidden="true" />
              {unmarkedOnly ? "All recent lessons" : "Only unmarked"}
            </Link>
          ) : (
            <History className="size-4 text-muted-foreground" aria-hidden="true" />
          )
        }
        empty={
          overview.past.length > 0
            ? null
            : unmarkedOnly
              ? `Every lesson of the last ${ATTENDANCE_LOOKBACK_DAYS} days has its attendance.`
              : "No lessons in the last 60 days."
        }
      >
        <ul className="divide-y rounded-xl border" aria-label={unmarkedOnly ? "Lessons without attendance" : "Recent lessons"}>
          {overview.past.map((lesson) => (
            <li key={lesson.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
              <Link href={`/lessons/${lesson.id}`} className="w-28 shrink-0 hover:underline">
                <p className="text-xs text-muted-foreground">{formatDay(lesson.startsAt, zone)}</p>
                <p className="text-sm font-semibold tabular-nums">{formatTime(lesson.startsAt, zone)}</p>
              </Link>
              <p className="min-w-0 flex-1 truncate text-sm font-medium">{lesson.otherPartyName}</p>
              {lesson.status === "cancelled" ? (
                <LessonStatusBadge status="cancelled" />
              ) : isTeacher ? (
                <AttendancePicker
                  markAttendance={markAttendanceAction}
                  lessonId={lesson.id}
                  value={lesson.attendance}
                  label={`${lesson.otherPartyName}, ${formatDateTime(lesson.startsAt, zone)}`}
                />
              ) : (
                <AttendanceBadge attendance={lesson.attendance} />
              )}
            </li>
          ))}
        </ul>
      </ListCard>
    </div>
  );
}
