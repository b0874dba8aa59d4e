import { ClipboardList, Plus, Timer } from "lucide-react";
import type { Metadata } from "next";
import { AssignmentList } from "@/components/practice/assignment-list";
import { EmptyState } from "@/components/dashboard/parts";
import { Button, ButtonLink } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { requireUser } from "@/lib/auth/session";
import { assignmentListQuerySchema } from "@/lib/practice/schemas";
import { listAssignments } from "@/lib/practice/queries";
import { acceptedConnectionNames } from "@/lib/scheduling/queries";
import { zoneLabel } from "@/lib/time";
import { completeAssignmentAction, reopenAssignmentAction, uncompleteAssignmentAction } from "./actions";

export const metadata: Metadata = { title: "Assignments" };

export default async function AssignmentsPage({ searchParams }: PageProps<"/assignments">) {
  const user = await requireUser("/assignments");
  const { student } = assignmentListQuerySchema.parse(await searchParams);
  const now = new Date();
  const zone = user.timezone;
  const isTeacher = user.role === "teacher";
  const [connections, lists] = await Promise.all([
    acceptedConnectionNames(user),
    listAssignments(user, { connectionId: isTeacher ? student : undefined }, now),
  ]);
  const filtered = isTeacher && student ? connections.find((connection) => connection.id === student) : undefined;
  const openCount = lists.overdue.length + lists.dueThisWeek.length + lists.later.length;
  const actions = isTeacher
    ? { reopen: reopenAssignmentAction }
    : { complete: completeAssignmentAction, uncomplete: uncompleteAssignmentAction };
  const item = { viewerRole: user.role, zone, now, actions, showParty: !filtered };

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-muted-foreground">Times in {zoneLabel(zone, now)}</p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">
            {filtered ? `Assignments for ${filtered.name}` : "Assignments"}
          </h1>
        </div>
        {isTeacher && connections.length > 0 ? (
          <ButtonLink href={filtered ? `/assignments/new?student=${filtered.id}` : "/assignments/new"}>
            <Plus className="size-4" aria-hidden="true" />
            New assignment
          </ButtonLink>
        ) : null}
        {!isTeacher && connections.length > 0 ? (
          <ButtonLink href="/practice" variant="secondary">
            <Timer className="size-4" aria-hidden="true" />
            Practice log
          </ButtonLink>
        ) : null}
      </div>

      {isTeacher && connections.length > 1 ? (
        <form method="get" className="flex max-w-md items-end gap-2" aria-label="Filter by student">
          <div className="flex-1 space-y-1.5">
            <label htmlFor="student" className="text-sm font-medium">
              Student
            </label>
            <Select id="student" name="student" defaultValue={filtered?.id ?? ""}>
              <option value="">All students</option>
              {connections.map((connection) => (
                <option key={connection.id} value={connection.id}>
                  {connection.name}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </form>
      ) : null}

      {openCount === 0 && lists.completed.length === 0 ? (
        <EmptyState>
          <ClipboardList className="mx-auto mb-2 size-6" aria-hidden="true" />
          {connections.length === 0
            ? isTeacher
              ? "Once a student accepts your invitation, you can set them work to practise here."
              : "Once you're connected with a teacher, the work they set you appears here."
            : isTeacher
              ? "No assignments yet. Set one and your student is told straight away."
              : "Nothing to practise yet. Your teacher's assignments appear here."}
        </EmptyState>
      ) : (
        <div className="space-y-8">
          {openCount === 0 ? <EmptyState>Everything is done. Nice work.</EmptyState> : null}
          <AssignmentList title="Overdue" rows={lists.overdue} {...item} />
          <AssignmentList title="Due this week" rows={lists.dueThisWeek} {...item} />
          <AssignmentList title="Later" rows={lists.later} {...item} />
          <AssignmentList title="Completed" rows={lists.completed} {...item} />
        </div>
      )}
    </div>
  );
}
