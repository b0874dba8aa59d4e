import { BellRing, CalendarCheck2, CalendarDays, Inbox, MapPin, MessageSquare, Users, Video } from "lucide-react";
import { InstallPrompt } from "@/components/pwa/install-prompt";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, StatCard } from "@/components/dashboard/parts";
import { PendingActionsCard } from "@/components/dashboard/pending-actions-card";
import { ReceivedInvitations } from "@/components/connections/received-invitations";
import { StatisticsSection } from "@/components/dashboard/statistics-section";
import { UnreadMessagesCard } from "@/components/messaging/unread-messages-card";
import { AssignmentsDueCard, PracticeCard } from "@/components/practice/dashboard-cards";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { DASHBOARD_LIST_LIMITS, getDashboard } from "@/lib/dashboard/queries";
import { attendanceRate, parseStatisticsPeriod, studioStatistics } from "@/lib/dashboard/statistics";
import { listReceivedInvitations } from "@/lib/connections/queries";
import { listUnreadConversations } from "@/lib/messaging/queries";
import { assignmentsDue, practiceOverview, practiceStreak } from "@/lib/practice/queries";
import { reminderSentence, reminderSettingsOf } from "@/lib/reminders/summary";
import { logPracticeAction } from "../assignments/actions";
import { markAttendanceAction } from "../lessons/actions";
import { acceptInvitationAction, declineInvitationAction } from "../teachers/actions";
import { formatDay, formatDayHeading, formatIsoDate, formatTime, formatTimeRange, minutesBetween, utcToZoned, zoneLabel } from "@/lib/time";

export const metadata: Metadata = { title: "Dashboard" };

function greeting(hour: number): string {
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

const isLink = (location: string) => /^https?:\/\//i.test(location);

export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const user = await requireUser("/dashboard");
  const now = new Date();
  const zone = user.timezone;
  const isTeacher = user.role === "teacher";
  const period = parseStatisticsPeriod((await searchParams).weeks);
  const [dashboard, unread, reminderSettings, due, practice, streak, statistics, invitations] = await Promise.all([
    getDashboard(user, now),
    listUnreadConversations(user, DASHBOARD_LIST_LIMITS.unreadConversations),
    reminderSettingsOf(user),
    assignmentsDue(user, DASHBOARD_LIST_LIMITS.assignmentsDue, now),
    isTeacher ? [] : practiceOverview(user, zone, { weekCount: 1, recentLimit: 0 }, now),
    isTeacher ? 0 : practiceStreak(user, zone, now),
    studioStatistics(user, zone, period, now),
    isTeacher ? [] : listReceivedInvitations(user, undefined, now),
  ]);
  const attendance = attendanceRate(statistics.attendance);
  const waiting = dashboard.pending.requests + dashboard.pending.moves + dashboard.toMark.total;
  const firstName = user.name.split(" ")[0];
  const [next, ...later] = dashboard.upcoming;
  const { connectionNames } = dashboard;

  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm text-muted-foreground">
          {formatDayHeading(now, zone)} · times in {zoneLabel(zone, now)}
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">
          {greeting(utcToZoned(now, zone).hour)}, {firstName}
        </h1>
      </div>

      <ReceivedInvitations
        id="dashboard-invitations"
        heading={invitations.length === 1 ? "An invitation is waiting for you" : `${invitations.length} invitations are waiting for you`}
        invitations={invitations}
        zone={zone}
        actions={{ accept: acceptInvitationAction, decline: declineInvitationAction }}
      />

      <section aria-label="At a glance" className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <StatCard icon={CalendarDays} label="Lessons in the next 7 days" value={dashboard.lessonsThisWeek} href="/calendar" />
        <StatCard
          icon={Users}
          label={isTeacher ? "Students" : "Teachers"}
          value={dashboard.connectionCount}
          href={isTeacher ? "/students" : "/teachers"}
        />
        <StatCard
          icon={CalendarCheck2}
          label={`Attendance, last ${period} weeks`}
          value={attendance === null ? "—" : `${Math.round(attendance * 100)}%`}
          href={dashboard.connectionCount > 0 ? `/dashboard?weeks=${period}#statistics` : undefined}
        />
        <StatCard icon={Inbox} label="Waiting for you" value={waiting} href={waiting > 0 ? "#waiting" : undefined} />
      </section>

      <div className="grid items-start gap-6 lg:grid-cols-[1.4fr_1fr] [&>*]:min-w-0">
        <Card>
          <CardHeader>
            <CardTitle>Upcoming lessons</CardTitle>
            <span className="text-xs text-muted-foreground">Next 14 days</span>
          </CardHeader>
          <CardBody>
            {next ? (
              <div className="space-y-3">
                <div className="rounded-xl bg-brand-900 p-4 text-white dark:bg-brand-800">
                  <p className="text-xs font-medium uppercase tracking-wide text-brand-200">Next lesson</p>
                  <p className="mt-1 text-lg font-semibold">
                    {formatDayHeading(next.startsAt, zone)}, {formatTimeRange(next.startsAt, next.endsAt, zone)}
                  </p>
                  <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-brand-100">
                    with {next.otherPartyName}
                    <Link
                      href={`/messages/${next.connectionId}`}
                      className="inline-flex items-center gap-1 font-medium text-white underline underline-offset-2"
                    >
                      <MessageSquare className="size-4" aria-hidden="true" />
                      Message {next.otherPartyName.split(" ")[0]}
                    </Link>
                  </p>
                  {next.location ? (
                    <p className="mt-2 inline-flex items-center gap-1.5 text-sm text-brand-100">
                      {isLink(next.location) ? (
                        <Video className="size-4" aria-hidden="true" />
                      ) : (
                        <MapPin className="size-4" aria-hidden="true" />
                      )}
                      {isLink(next.location) ? (
                        <a href={next.location} target="_blank" rel="noopener noreferrer" className="underline underline-offset-2">
                          Join online
                        </a>
                      ) : (
                        next.location
                      )}
                    </p>
                  ) : null}
                </div>
                {later.length > 0 ? (
                  <ul className="divide-y rounded-xl border">
                    {later.map((lesson) => (
                      <li key={lesson.id} className="flex items-center gap-4 px-4 py-3">
                        <div className="w-20 shrink-0">
                          <p className="text-xs text-muted-foreground">{formatDay(lesson.startsAt, zone)}</p>
                          <p className="text-sm font-semibold tabular-nums">{formatTime(lesson.startsAt, zone)}</p>
                        </div>
                        <p className="min-w-0 flex-1 truncate text-sm font-medium">{lesson.otherPartyName}</p>
                        <p className="hidden text-xs text-muted-foreground sm:block">
                          {minutesBetween(lesson.startsAt, lesson.endsAt)} min
                        </p>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ) : (
              <EmptyState>
                {isTeacher
                  ? "No lessons in the next two weeks. Once your students accept your invitation, book their lessons here."
                  : "No lessons in the next two weeks. Ask your teacher for a lesson and it will appear here."}
              </EmptyState>
            )}
            <p className="mt-4 flex flex-wrap items-center gap-x-2 gap-y-1 border-t pt-4 text-sm text-muted-foreground">
              <BellRing className="size-4 shrink-0" aria-hidden="true" />
              <span>{reminderSentence(reminderSettings)}</span>
              <Link href="/settings/notifications" className="font-medium text-accent hover:underline">
                {reminderSettings.leads.length > 0 ? "Change" : "Turn them on"}
              </Link>
            </p>
          </CardBody>
        </Card>

        <div className="space-y-6">
          {dashboard.connectionCount > 0 || waiting > 0 ? (
            <PendingActionsCard pending={dashboard.pending} toMark={dashboard.toMark} zone={zone} markAttendance={markAttendanceAction} />
          ) : null}
          {practice.length > 0 ? (
            <PracticeCard overviews={practice} streak={streak} today={formatIsoDate(now, zone)} logPractice={logPracticeAction} />
          ) : null}
          {dashboard.connectionCount > 0 ? (
            <AssignmentsDueCard items={due.items} total={due.total} zone={zone} now={now} isTeacher={isTeacher} />
          ) : null}
          <UnreadMessagesCard conversations={unread.items} total={unread.total} viewerId={user.id} zone={zone} now={now} />
          <Card>
            <CardHeader>
              <CardTitle>{isTeacher ? "Your students" : "Your teachers"}</CardTitle>
              <Users className="size-4 text-muted-foreground" aria-hidden="true" />
            </CardHeader>
            <CardBody>
              {connectionNames.length > 0 ? (
                <ul className="flex flex-wrap gap-2">
                  {connectionNames.map((name) => (
                    <li key={name} className="rounded-full border px-3 py-1 text-sm">
                      {name}
                    </li>
                  ))}
                  {dashboard.connectionCount > connectionNames.length ? (
                    <li>
                      <Link
                        href={isTeacher ? "/students" : "/teachers"}
                        className="inline-block rounded-full border border-dashed px-3 py-1 text-sm font-medium text-accent hover:bg-surface-muted"
                      >
                        {dashboard.connectionCount - connectionNames.length} more
                      </Link>
                    </li>
                  ) : null}
                </ul>
              ) : (
                <EmptyState>
                  {isTeacher ? "No students yet. " : "No teachers yet. "}
                  <Link href={isTeacher ? "/students" : "/teachers"} className="font-medium text-accent underline-offset-2 hover:underline">
                    {isTeacher ? "Invite a student" : "See your invitations"}
                  </Link>
                </EmptyState>
              )}
            </CardBody>
          </Card>
        </div>
      </div>

      {dashboard.connectionCount > 0 ? <StatisticsSection statistics={statistics} isTeacher={isTeacher} /> : null}

      <InstallPrompt />
    </div>
  );
}
