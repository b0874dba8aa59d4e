import { CalendarCheck2, CalendarDays, ClipboardList, Inbox, MapPin, MessageCircle, Users, Video } from "lucide-react";
import type { Metadata } from "next";
import { EmptyState, StatCard } from "@/components/dashboard/parts";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { getConnectionNames, getDashboard } from "@/lib/dashboard/queries";
import { formatDay, formatDayHeading, formatDayMonth, formatTime, formatTimeRange, formatWeekdayTime, minutesBetween, utcToZoned, zoneLabel } from "@/lib/time";

export const metadata: Metadata = { title: "Dashboard" };

function greeting(hour: number): string {
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

const isLink = (location: string) => /^https?:\/\//i.test(location);

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const now = new Date();
  const [dashboard, connectionNames] = await Promise.all([getDashboard(user, now), getConnectionNames(user)]);
  const zone = user.timezone;
  const isTeacher = user.role === "teacher";
  const firstName = user.name.split(" ")[0];
  const [next, ...later] = dashboard.upcoming;

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

      <section aria-label="At a glance" className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        <StatCard icon={CalendarDays} label="Lessons in the next 7 days" value={dashboard.lessonsThisWeek} />
        <StatCard icon={Users} label={isTeacher ? "Students" : "Teachers"} value={dashboard.connectionCount} />
        <StatCard
          icon={CalendarCheck2}
          label="Attendance, last 30 days"
          value={dashboard.attendanceRate === null ? "—" : `${Math.round(dashboard.attendanceRate * 100)}%`}
        />
        <StatCard icon={Inbox} label="Requests awaiting you" value={dashboard.pendingRequests} />
      </section>

      <div className="grid gap-6 lg:grid-cols-[1.4fr_1fr]">
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
                  <p className="text-sm text-brand-100">with {next.otherPartyName}</p>
                  {next.location ? (
                    <p className="mt-2 inline-flex items-center gap-1.5 text-sm text-brand-100">
                      {isLink(next.location) ? <Video className="size-4" aria-hidden="true" /> : <MapPin className="size-4" aria-hidden="true" />}
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
          </CardBody>
        </Card>

        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{isTeacher ? "Open assignments" : "Your practice"}</CardTitle>
              <ClipboardList className="size-4 text-muted-foreground" aria-hidden="true" />
            </CardHeader>
            <CardBody>
              {dashboard.openAssignments.length > 0 ? (
                <ul className="space-y-3">
                  {dashboard.openAssignments.map((assignment) => (
                    <li key={assignment.id} className="flex items-start justify-between gap-3">
                      <div className="min-w-0">
                        <p className="truncate text-sm font-medium">{assignment.title}</p>
                        <p className="text-xs text-muted-foreground">{isTeacher ? assignment.otherPartyName : `from ${assignment.otherPartyName}`}</p>
                      </div>
                      {assignment.dueAt ? (
                        <span
                          className={
                            assignment.dueAt < now
                              ? "shrink-0 rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-200"
                              : "shrink-0 rounded-full bg-surface-muted px-2 py-0.5 text-xs text-muted-foreground"
                          }
                        >
                          {assignment.dueAt < now ? "Overdue" : `Due ${formatDayMonth(assignment.dueAt, zone)}`}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <EmptyState>Nothing open. Nice work.</EmptyState>
              )}
            </CardBody>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Unread messages</CardTitle>
              <MessageCircle className="size-4 text-muted-foreground" aria-hidden="true" />
            </CardHeader>
            <CardBody>
              {dashboard.unreadMessages.length > 0 ? (
                <ul className="space-y-3">
                  {dashboard.unreadMessages.map((message) => (
                    <li key={message.id}>
                      <p className="text-sm">
                        <span className="font-medium">{message.senderName}</span>{" "}
                        <span className="text-xs text-muted-foreground">{formatWeekdayTime(message.createdAt, zone)}</span>
                      </p>
                      <p className="line-clamp-2 text-sm text-muted-foreground">{message.body}</p>
                    </li>
                  ))}
                </ul>
              ) : (
                <EmptyState>You&rsquo;re all caught up.</EmptyState>
              )}
            </CardBody>
          </Card>

          {connectionNames.length > 0 ? (
            <Card>
              <CardHeader>
                <CardTitle>{isTeacher ? "Your students" : "Your teachers"}</CardTitle>
              </CardHeader>
              <CardBody>
                <ul className="flex flex-wrap gap-2">
                  {connectionNames.map((name) => (
                    <li key={name} className="rounded-full border px-3 py-1 text-sm">
                      {name}
                    </li>
                  ))}
                </ul>
              </CardBody>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
