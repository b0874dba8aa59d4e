import { CheckCircle2, Clock, RotateCcw, Timer } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { AnyServerAction } from "@/lib/actions";
import type { AssignmentRow } from "@/lib/practice/queries";
import { formatDateTime } from "@/lib/time";
import { cn } from "@/lib/utils";
import { ReopenAssignment, StudentAssignmentActions } from "./assignment-actions";

/** A student's list gets complete and undo; a teacher's gets reopen. */
export type AssignmentActions = { complete: AnyServerAction; uncomplete: AnyServerAction } | { reopen: AnyServerAction };

/** When it is due, said plainly, and loudly once it is late. */
export function DueLabel({ assignment, zone, now }: { assignment: Pick<AssignmentRow, "dueAt" | "completedAt">; zone: string; now: Date }) {
  if (assignment.completedAt) {
    return (
      <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-300">
        <CheckCircle2 className="size-3.5" aria-hidden="true" />
        Done {formatDateTime(assignment.completedAt, zone)}
      </span>
    );
  }
  if (!assignment.dueAt) return <span>No due date</span>;
  const late = assignment.dueAt.getTime() < now.getTime();
  return (
    <span className={cn("inline-flex items-center gap-1", late ? "font-medium text-red-700 dark:text-red-300" : undefined)}>
      <Clock className="size-3.5" aria-hidden="true" />
      {late ? "Overdue: was due" : "Due"} {formatDateTime(assignment.dueAt, zone)}
    </span>
  );
}

export function AssignmentItem({
  assignment,
  viewerRole,
  zone,
  now,
  actions,
  showParty = true,
}: {
  assignment: AssignmentRow;
  viewerRole: "teacher" | "student";
  zone: string;
  now: Date;
  actions: AssignmentActions;
  showParty?: boolean;
}) {
  const overdue = !assignment.completedAt && assignment.dueAt !== null && assignment.dueAt.getTime() < now.getTime();
  return (
    <li
      className={cn(
        "space-y-2 px-4 py-3.5",
        overdue ? "border-l-4 border-l-red-500 bg-red-50/60 dark:bg-red-950/20" : "border-l-4 border-l-transparent",
      )}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
        <div className="min-w-0 flex-1">
          <Link href={`/assignments/${assignment.id}`} className="break-words font-medium hover:text-accent hover:underline">
            {assignment.title}
          </Link>
          <p className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-muted-foreground">
            {showParty ? <span>{viewerRole === "teacher" ? assignment.otherPartyName : `From ${assignment.otherPartyName}`}</span> : null}
            <DueLabel assignment={assignment} zone={zone} now={now} />
            {assignment.practiceMinutes > 0 ? (
              <span className="inline-flex items-center gap-1">
                <Timer className="size-3.5" aria-hidden="true" />
                {assignment.practiceMinutes} min practised
              </span>
            ) : null}
          </p>
        </div>
        {assignment.reopenedAt && !assignment.completedAt ? (
          <Badge tone="warning">
            <RotateCcw className="size-3" aria-hidden="true" />
            Reopened
          </Badge>
        ) : null}
      </div>
      {assignment.completedAt && assignment.completionNote ? (
        <p className="line-clamp-2 break-words text-sm text-muted-foreground">“{assignment.completionNote}”</p>
      ) : assignment.reopenedAt && assignment.reopenComment && !assignment.completedAt ? (
        <p className="line-clamp-2 break-words text-sm text-muted-foreground">“{assignment.reopenComment}”</p>
      ) : assignment.instructions ? (
        <p className="line-clamp-2 whitespace-pre-line break-words text-sm text-muted-foreground">{assignment.instructions}</p>
      ) : null}
      {"complete" in actions ? (
        <StudentAssignmentActions assignmentId={assignment.id} completed={Boolean(assignment.completedAt)} actions={actions} />
      ) : assignment.completedAt ? (
        <ReopenAssignment assignmentId={assignment.id} action={actions.reopen} />
      ) : null}
    </li>
  );
}

export function AssignmentList({
  title,
  rows,
  ...item
}: {
  title: string;
  rows: AssignmentRow[];
  viewerRole: "teacher" | "student";
  zone: string;
  now: Date;
  actions: AssignmentActions;
  showParty?: boolean;
}) {
  if (rows.length === 0) return null;
  const id = `assignments-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="flex items-center gap-2 text-sm font-semibold uppercase tracking-wide text-muted-foreground">
        {title} <span className="rounded-full bg-surface-muted px-2 py-0.5 text-xs tabular-nums">{rows.length}</span>
      </h2>
      <ul className="divide-y overflow-hidden rounded-2xl border bg-surface shadow-sm">
        {rows.map((assignment) => (
          <AssignmentItem key={assignment.id} assignment={assignment} {...item} />
        ))}
      </ul>
    </section>
  );
}
