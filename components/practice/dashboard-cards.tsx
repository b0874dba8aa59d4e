import { ClipboardList, Flame } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/dashboard/parts";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import type { AnyServerAction } from "@/lib/actions";
import type { PracticeOverview } from "@/lib/practice/queries";
import { formatDateTime } from "@/lib/time";
import { cn } from "@/lib/utils";
import { PracticeLogForm } from "./practice-log-form";
import { WeekProgress } from "./practice-summary";

export interface DueAssignment {
  id: string;
  title: string;
  dueAt: Date;
  otherPartyName: string;
}

export function AssignmentsDueCard({
  items,
  total,
  zone,
  now,
  isTeacher,
}: {
  items: DueAssignment[];
  total: number;
  zone: string;
  now: Date;
  isTeacher: boolean;
}) {
  return (
    <Card aria-labelledby="dashboard-assignments">
      <CardHeader>
        <CardTitle id="dashboard-assignments">Assignments due</CardTitle>
        <Link href="/assignments" className="text-sm font-medium text-accent hover:underline">
          {total > items.length ? `All ${total}` : "All assignments"}
        </Link>
      </CardHeader>
      <CardBody>
        {items.length > 0 ? (
          <ul className="divide-y rounded-xl border">
            {items.map((item) => {
              const late = item.dueAt.getTime() < now.getTime();
              return (
                <li key={item.id}>
                  <Link href={`/assignments/${item.id}`} className="flex items-center gap-3 px-4 py-3 hover:bg-surface-muted">
                    <ClipboardList
                      className={cn("size-4 shrink-0", late ? "text-red-600 dark:text-red-400" : "text-muted-foreground")}
                      aria-hidden="true"
                    />
                    <span className="min-w-0 flex-1">
                      <span className="block truncate text-sm font-medium">{item.title}</span>
                      <span className="block truncate text-xs text-muted-foreground">
                        {isTeacher ? item.otherPartyName : `From ${item.otherPartyName}`} ·{" "}
                        <span className={late ? "font-medium text-red-700 dark:text-red-300" : undefined}>
                          {late ? "overdue since" : "due"} {formatDateTime(item.dueAt, zone)}
                        </span>
                      </span>
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        ) : (
          <EmptyState>Nothing due in the next seven days.</EmptyState>
        )}
      </CardBody>
    </Card>
  );
}

/** The student's practice at a glance, with one-tap logging for today. */
export function PracticeCard({
  overviews,
  streak,
  today,
  logPractice,
}: {
  overviews: PracticeOverview[];
  streak: number;
  today: string;
  logPractice: AnyServerAction;
}) {
  const week = {
    thisWeekMinutes: overviews.reduce((sum, overview) => sum + overview.thisWeekMinutes, 0),
    goalMinutes: overviews.some((overview) => overview.goalMinutes)
      ? overviews.reduce((sum, overview) => sum + (overview.goalMinutes ?? 0), 0)
      : null,
  };
  return (
    <Card aria-labelledby="dashboard-practice">
      <CardHeader>
        <CardTitle id="dashboard-practice">Practice</CardTitle>
        <span className="inline-flex items-center gap-1 text-sm text-muted-foreground">
          <Flame className={cn("size-4", streak > 0 ? "text-orange-500" : undefined)} aria-hidden="true" />
          {streak === 1 ? "1 day in a row" : `${streak} days in a row`}
        </span>
      </CardHeader>
      <CardBody className="space-y-4">
        <WeekProgress overview={week} />
        <PracticeLogForm
          action={logPractice}
          teachers={overviews.map((overview) => ({ connectionId: overview.connectionId, teacherName: overview.otherPartyName }))}
          today={today}
        />
        <Link href="/practice" className="inline-block text-sm font-medium text-accent hover:underline">
          Practice log and history
        </Link>
      </CardBody>
    </Card>
  );
}
