import { ArrowLeft, ArrowRight, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/dashboard/parts";
import { AttendancePicker, ManageLesson, ProposalActions } from "@/components/scheduling/lesson-actions";
import { LessonReminders } from "@/components/reminders/lesson-reminders";
import { AttendanceBadge, LessonLocation, LessonStatusBadge } from "@/components/scheduling/lesson-parts";
import { AssignmentList } from "@/components/practice/assignment-list";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { lessonRemindersFor, reminderSentence, reminderSettingsOf } from "@/lib/reminders/summary";
import { assignmentsForLesson } from "@/lib/practice/queries";
import { getLessonDetail } from "@/lib/scheduling/queries";
import { formatDate, formatDateTime, formatFullDateTime, formatIsoDate, formatTime, minutesBetween, zoneLabel } from "@/lib/time";
import {
  approveRescheduleAction,
  cancelLessonAction,
  cancelSeriesFromAction,
  declineRescheduleAction,
  markAttendanceAction,
  proposeRescheduleAction,
} from "../actions";
import { completeAssignmentAction, reopenAssignmentAction, uncompleteAssignmentAction } from "../../assignments/actions";

export const metadata: Metadata = { title: "Lesson" };

const moveTones: Record<string, [BadgeTone, string]> = {
  approved: ["success", "Moved"],
  declined: ["danger", "Declined"],
  superseded: ["neutral", "Closed"],
  withdrawn: ["neutral", "Withdrawn"],
};

export default async function LessonPage({ params }: PageProps<"/lessons/[id]">) {
  const { id } = await params;
  const user = await requireUser(`/lessons/${id}`);
  const lesson = await getLessonDetail(user, id);
  if (!lesson) notFound();
  const zone = user.timezone;
  const now = new Date();
  const upcoming = lesson.status === "scheduled" && lesson.startsAt > now;
  const started = lesson.startsAt <= now;
  const [reminderSettings, assignments] = await Promise.all([
    upcoming ? reminderSettingsOf(user) : null,
    assignmentsForLesson(user, lesson.id),
  ]);
  const isTeacher = user.role === "teacher";
  const reminders = reminderSettings ? await lessonRemindersFor(user, lesson, reminderSettings, now) : [];

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href="/lessons" className="inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden="true" /> All lessons
      </Link>
      <Card>
        <CardHeader className="flex-wrap">
          <div className="min-w-0">
            <p className="text-sm text-muted-foreground">
              {lesson.viewerIsTeacher ? `Lesson with ${lesson.studentName}` : `Lesson with ${lesson.teacherName}`}
            </p>
            <h1 className="text-xl font-bold tracking-tight sm:text-2xl">{formatFullDateTime(lesson.startsAt, zone)}</h1>
            <p className="text-sm text-muted-foreground">
              until {formatTime(lesson.endsAt, zone)} · {minutesBetween(lesson.startsAt, lesson.endsAt)} min ·{" "}
              {zoneLabel(zone, lesson.startsAt)}
            </p>
          </div>
          <div className="flex gap-2">
            {lesson.seriesId ? <Badge>Part of a series</Badge> : null}
            <LessonStatusBadge status={lesson.status} />
          </div>
        </CardHeader>
        <CardBody className="space-y-5">
          <LessonLocation location={lesson.location} />
          {lesson.note ? (
            <div>
              <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Note from the request</p>
              <p className="mt-1 whitespace-pre-line text-sm">{lesson.note}</p>
            </div>
          ) : null}
          {lesson.status === "cancelled" ? (
            <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/40 dark:text-red-200">
              Cancelled{lesson.cancelledAt ? ` on ${formatDate(lesson.cancelledAt, zone)}` : ""}: {lesson.cancellationReason}
            </p>
          ) : null}
          {started && lesson.status !== "cancelled" ? (
            <div className="space-y-2">
              <p className="text-sm font-medium">Attendance</p>
              {lesson.viewerIsTeacher ? (
                <AttendancePicker
                  markAttendance={markAttendanceAction}
                  lessonId={lesson.id}
                  value={lesson.attendance}
                  label={formatFullDateTime(lesson.startsAt, zone)}
                />
              ) : (
                <AttendanceBadge attendance={lesson.attendance} />
              )}
            </div>
          ) : null}
          {lesson.pendingProposal ? (
            <div className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-900 dark:bg-amber-950/30">
              <p className="text-sm font-medium">
                {lesson.pendingProposal.mine ? "You proposed a new time" : `${lesson.pendingProposal.proposedByName} proposed a new time`}:{" "}
                {formatDateTime(lesson.pendingProposal.newStartsAt, zone)}
              </p>
              {lesson.pendingProposal.reason ? <p className="text-sm text-muted-foreground">“{lesson.pendingProposal.reason}”</p> : null}
              {lesson.pendingProposal.mine ? null : (
                <ProposalActions
                  actions={{ approve: approveRescheduleAction, decline: declineRescheduleAction }}
                  rescheduleId={lesson.pendingProposal.id}
                />
              )}
            </div>
          ) : null}
          {reminderSettings ? <LessonReminders reminders={reminders} sentence={reminderSentence(reminderSettings)} zone={zone} /> : null}
          {upcoming ? (
            <ManageLesson
              actions={{ propose: proposeRescheduleAction, cancelLesson: cancelLessonAction, cancelSeriesFrom: cancelSeriesFromAction }}
              lessonId={lesson.id}
              inSeries={Boolean(lesson.seriesId)}
              timezone={zone}
              date={formatIsoDate(lesson.startsAt, zone)}
              time={formatTime(lesson.startsAt, zone)}
            />
          ) : null}
        </CardBody>
      </Card>

      {assignments.length > 0 || (isTeacher && lesson.status !== "cancelled") ? (
        <Card aria-labelledby="lesson-assignments">
          <CardHeader>
            <CardTitle id="lesson-assignments">Assignments from this lesson</CardTitle>
            {isTeacher ? (
              <ButtonLink href={`/assignments/new?lesson=${lesson.id}`} size="sm" variant="secondary">
                <Plus className="size-4" aria-hidden="true" />
                Set assignment
              </ButtonLink>
            ) : null}
          </CardHeader>
          <CardBody>
            {assignments.length > 0 ? (
              <AssignmentList
                title="Assignments"
                rows={assignments}
                viewerRole={user.role}
                zone={zone}
                now={now}
                showParty={false}
                actions={
                  isTeacher
                    ? { reopen: reopenAssignmentAction }
                    : { complete: completeAssignmentAction, uncomplete: uncompleteAssignmentAction }
                }
              />
            ) : (
              <EmptyState>Nothing set for this lesson yet.</EmptyState>
            )}
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>History of moves</CardTitle>
        </CardHeader>
        <CardBody>
          {lesson.moves.length === 0 ? (
            <EmptyState>This lesson has not been moved.</EmptyState>
          ) : (
            <ol className="space-y-3" aria-label="History of moves">
              {lesson.moves.map((move) => {
                const [tone, label] = moveTones[move.status] ?? ["neutral", move.status];
                return (
                  <li key={move.id} className="rounded-xl border p-3 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="text-muted-foreground">{formatDateTime(move.fromStartsAt, zone)}</span>
                      <ArrowRight className="size-3.5 text-muted-foreground" aria-hidden="true" />
                      <span className="font-medium">{formatDateTime(move.newStartsAt, zone)}</span>
                      <Badge tone={tone}>{label}</Badge>
                    </div>
                    <p className="mt-1 text-xs text-muted-foreground">
                      Proposed by {move.proposedByName} on {formatDateTime(move.createdAt, zone)}
                      {move.reason ? ` · “${move.reason}”` : ""}
                    </p>
                  </li>
                );
              })}
            </ol>
          )}
        </CardBody>
      </Card>
    </div>
  );
}
