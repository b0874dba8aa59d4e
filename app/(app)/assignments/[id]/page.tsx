import { ArrowLeft, CalendarClock, MessageSquare, RotateCcw } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/connections/action-button";
import { EmptyState } from "@/components/dashboard/parts";
import { ReopenAssignment, StudentAssignmentActions } from "@/components/practice/assignment-actions";
import { DueLabel } from "@/components/practice/assignment-list";
import { EditAssignment } from "@/components/practice/edit-assignment";
import { EditablePracticeEntry } from "@/components/practice/practice-entry";
import { PracticeEntryLine } from "@/components/practice/practice-entry-line";
import { PracticeLogForm } from "@/components/practice/practice-log-form";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { LinkedText } from "@/components/ui/linked-text";
import { parseId } from "@/lib/access";
import { requireUser } from "@/lib/auth/session";
import { getAssignment, practiceForAssignment } from "@/lib/practice/queries";
import { formatDateTime, formatIsoDate, formatLocalDateTime, utcToZoned } from "@/lib/time";
import {
  completeAssignmentAction,
  deleteAssignmentAction,
  deletePracticeAction,
  logPracticeAction,
  reopenAssignmentAction,
  uncompleteAssignmentAction,
  updateAssignmentAction,
  updatePracticeAction,
} from "../actions";

export const metadata: Metadata = { title: "Assignment" };

export default async function AssignmentPage({ params }: PageProps<"/assignments/[id]">) {
  const { id } = await params;
  const user = await requireUser(`/assignments/${id}`);
  const assignmentId = parseId(id);
  const assignment = assignmentId ? await getAssignment(user, assignmentId) : null;
  if (!assignment) notFound();
  const practice = await practiceForAssignment(user, assignment.id);
  const zone = user.timezone;
  const now = new Date();
  const isTeacher = user.role === "teacher";
  const today = formatIsoDate(now, zone);
  const due = assignment.dueAt ? formatLocalDateTime(utcToZoned(assignment.dueAt, zone)) : null;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href="/assignments" className="inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden="true" />
        All assignments
      </Link>

      <div className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          {assignment.completedAt ? <Badge tone="success">Done</Badge> : <Badge tone="accent">Open</Badge>}
          {assignment.reopenedAt && !assignment.completedAt ? (
            <Badge tone="warning">
              <RotateCcw className="size-3" aria-hidden="true" />
              Reopened
            </Badge>
          ) : null}
        </div>
        <h1 className="break-words text-2xl font-bold tracking-tight sm:text-3xl">{assignment.title}</h1>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted-foreground">
          <span>{isTeacher ? `For ${assignment.otherPartyName}` : `From ${assignment.otherPartyName}`}</span>
          <DueLabel assignment={assignment} zone={zone} now={now} />
          {assignment.lessonId && assignment.lessonStartsAt ? (
            <Link href={`/lessons/${assignment.lessonId}`} className="inline-flex items-center gap-1 hover:text-foreground hover:underline">
              <CalendarClock className="size-3.5" aria-hidden="true" />
              Lesson {formatDateTime(assignment.lessonStartsAt, zone)}
            </Link>
          ) : null}
        </p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Instructions</CardTitle>
        </CardHeader>
        <CardBody className="space-y-4">
          {assignment.instructions ? (
            <p className="whitespace-pre-line break-words text-sm leading-relaxed">
              <LinkedText text={assignment.instructions} linkClassName="font-medium text-accent underline underline-offset-2" />
            </p>
          ) : (
            <p className="text-sm text-muted-foreground">No further instructions.</p>
          )}
          {assignment.reopenedAt && assignment.reopenComment && !assignment.completedAt ? (
            <div className="rounded-xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm dark:border-amber-900 dark:bg-amber-950/40">
              <p className="font-medium">Reopened {formatDateTime(assignment.reopenedAt, zone)}</p>
              <p className="mt-1 whitespace-pre-line break-words">{assignment.reopenComment}</p>
            </div>
          ) : null}
          {assignment.completedAt ? (
            <div className="rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm dark:border-emerald-900 dark:bg-emerald-950/40">
              <p className="font-medium">Marked done {formatDateTime(assignment.completedAt, zone)}</p>
              {assignment.completionNote ? <p className="mt-1 whitespace-pre-line break-words">{assignment.completionNote}</p> : null}
            </div>
          ) : null}
          <div className="flex flex-wrap items-start gap-2 border-t pt-4">
            {isTeacher ? (
              <>
                <EditAssignment
                  action={updateAssignmentAction}
                  timezone={zone}
                  values={{
                    assignmentId: assignment.id,
                    lessonId: assignment.lessonId,
                    title: assignment.title,
                    instructions: assignment.instructions,
                    dueDate: due?.slice(0, 10),
                    dueTime: due?.slice(11),
                  }}
                />
                {assignment.completedAt ? <ReopenAssignment assignmentId={assignment.id} action={reopenAssignmentAction} /> : null}
                <ActionButton
                  action={deleteAssignmentAction}
                  fields={{ assignmentId: assignment.id }}
                  variant="ghost"
                  confirm="Delete this assignment? Practice logged for it is kept."
                  confirmLabel="Delete"
                  pendingLabel="Deleting…"
                >
                  Delete
                </ActionButton>
              </>
            ) : (
              <StudentAssignmentActions
                assignmentId={assignment.id}
                completed={Boolean(assignment.completedAt)}
                actions={{ complete: completeAssignmentAction, uncomplete: uncompleteAssignmentAction }}
              />
            )}
            <ButtonLink href={`/messages/${assignment.connectionId}`} variant="ghost" size="sm">
              <MessageSquare className="size-4" aria-hidden="true" />
              Message {assignment.otherPartyName.split(" ")[0]}
            </ButtonLink>
          </div>
        </CardBody>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Practice</CardTitle>
          <span className="text-sm tabular-nums text-muted-foreground">{assignment.practiceMinutes} min in all</span>
        </CardHeader>
        <CardBody className="space-y-4">
          {!isTeacher && !assignment.completedAt ? (
            <PracticeLogForm
              action={logPracticeAction}
              teachers={[{ connectionId: assignment.connectionId, teacherName: assignment.otherPartyName }]}
              assignmentId={assignment.id}
              today={today}
            />
          ) : null}
          {practice.length > 0 ? (
            <ul className="divide-y border-t" aria-label="Practice entries">
              {practice.map((entry) => (
                <li key={entry.id} className="py-3">
                  {isTeacher ? (
                    <PracticeEntryLine entry={entry} />
                  ) : (
                    <EditablePracticeEntry
                      entry={entry}
                      today={today}
                      actions={{ update: updatePracticeAction, remove: deletePracticeAction }}
                    />
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>
              {isTeacher ? "No practice logged for this assignment yet." : "Log your practice on this piece to show your teacher."}
            </EmptyState>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
