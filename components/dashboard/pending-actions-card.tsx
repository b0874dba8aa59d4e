import { CalendarClock, CheckCircle2, ChevronRight, Inbox } from "lucide-react";
import Link from "next/link";
import { AttendancePicker } from "@/components/scheduling/lesson-actions";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import type { AnyServerAction } from "@/lib/actions";
import type { Dashboard } from "@/lib/dashboard/queries";
import { formatDateTime } from "@/lib/time";
import { plural } from "@/lib/utils";

/** What the viewer has to answer or record: each row goes where it is done, attendance is marked right here. */
export function PendingActionsCard({
  pending,
  toMark,
  zone,
  markAttendance,
}: Pick<Dashboard, "pending" | "toMark"> & { zone: string; markAttendance: AnyServerAction }) {
  const links = [
    { count: pending.requests, text: `${plural(pending.requests, "lesson request")} to answer`, href: "/lessons#requests", icon: Inbox },
    { count: pending.moves, text: `${plural(pending.moves, "proposed move")} to answer`, href: "/lessons#moves", icon: CalendarClock },
  ].filter((link) => link.count > 0);
  const nothing = links.length === 0 && toMark.total === 0;

  return (
    <Card id="waiting" aria-labelledby="dashboard-pending" className="scroll-mt-20">
      <CardHeader>
        <CardTitle id="dashboard-pending">Waiting for you</CardTitle>
        {nothing ? null : (
          <span className="rounded-full bg-accent-soft px-2 py-0.5 text-xs font-semibold tabular-nums text-accent-soft-foreground">
            {pending.requests + pending.moves + toMark.total}
          </span>
        )}
      </CardHeader>
      <CardBody className="space-y-3">
        {nothing ? (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <CheckCircle2 className="size-4 text-emerald-600 dark:text-emerald-400" aria-hidden="true" />
            All caught up: nothing to answer or mark.
          </p>
        ) : null}
        {links.length > 0 ? (
          <ul className="divide-y rounded-xl border">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="flex items-center gap-3 px-4 py-3 text-sm font-medium hover:bg-surface-muted">
                  <link.icon className="size-4 shrink-0 text-accent" aria-hidden="true" />
                  <span className="flex-1">{link.text}</span>
                  <ChevronRight className="size-4 text-muted-foreground" aria-hidden="true" />
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {toMark.total > 0 ? (
          <div className="space-y-2">
            <p className="text-sm font-medium">Attendance to mark</p>
            <ul className="divide-y rounded-xl border" aria-label="Lessons without attendance">
              {toMark.items.map((lesson) => (
                <li key={lesson.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-3">
                  <Link href={`/lessons/${lesson.id}`} className="min-w-0 hover:underline">
                    <span className="block truncate text-sm font-medium">{lesson.otherPartyName}</span>
                    <span className="block text-xs text-muted-foreground">{formatDateTime(lesson.startsAt, zone)}</span>
                  </Link>
                  <AttendancePicker
                    markAttendance={markAttendance}
                    lessonId={lesson.id}
                    value={null}
                    label={`${lesson.otherPartyName}, ${formatDateTime(lesson.startsAt, zone)}`}
                  />
                </li>
              ))}
            </ul>
            {toMark.total > toMark.items.length ? (
              <Link href="/lessons?show=unmarked#recent" className="inline-block text-sm font-medium text-accent hover:underline">
                {plural(toMark.total - toMark.items.length, "more lesson")} to mark
              </Link>
            ) : null}
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
