import { ArrowLeft, CalendarClock, MessageSquare, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton, EndConnectionButton } from "@/components/connections/action-button";
import { NoteComposer, NoteItem } from "@/components/connections/notes";
import { ContactDetails, LessonOutcome, MessagingPausedBadge } from "@/components/connections/parts";
import { EmptyState } from "@/components/dashboard/parts";
import { AssignmentList } from "@/components/practice/assignment-list";
import { PracticeEntryLine } from "@/components/practice/practice-entry-line";
import { PracticeGoalForm } from "@/components/practice/practice-goal-form";
import { WeeklyPracticeChart, WeekProgress } from "@/components/practice/practice-summary";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { isAccepted } from "@/lib/access";
import { requireUser } from "@/lib/auth/session";
import { getStudentDetail } from "@/lib/connections/queries";
import { listAssignments, practiceOverview } from "@/lib/practice/queries";
import { formatDate, formatDateTimeWithYear, formatDayWithYear, formatMonthYear, formatTimeRange } from "@/lib/time";
import { reopenAssignmentAction, setPracticeGoalAction } from "../../assignments/actions";
import {
  addNoteAction,
  deleteNoteAction,
  endConnectionWithStudentAction,
  setBookingModeAction,
  setMessagingLockedAction,
  updateNoteAction,
} from "./actions";

export const metadata: Metadata = { title: "Student" };

export default async function StudentPage({ params }: PageProps<"/students/[connectionId]">) {
  const { connectionId } = await params;
  const user = await requireUser(`/students/${connectionId}`);
  const detail = await getStudentDetail(user, connectionId);
  if (!detail) notFound();
  const { connection, student, lessons, notes, nextLesson } = detail;
  const zone = user.timezone;
  const active = isAccepted(connection);
  const now = new Date();
  // Practice days are on the student's calendar, so their weeks are counted in the student's zone.
  const [assignmentLists, [practice]] = active
    ? await Promise.all([
        listAssignments(user, { connectionId: connection.id }, now),
        practiceOverview(user, student.timezone, { connectionId: connection.id }, now),
      ])
    : [null, []];
  const openAssignments = assignmentLists ? [...assignmentLists.overdue, ...assignmentLists.dueThisWeek, ...assignmentLists.later] : [];
  const assignmentItem = {
    viewerRole: "teacher" as const,
    zone,
    now,
    showParty: false,
    actions: { reopen: reopenAssignmentAction },
  };

  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <Link href="/students" className="inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground">
          <ArrowLeft className="size-4" aria-hidden="true" />
          All students
        </Link>
        <div className="flex flex-wrap items-center gap-4">
          <Avatar name={student.name} size="lg" />
          <div className="min-w-0 flex-1 space-y-1">
            <h1 className="truncate text-2xl font-bold tracking-tight sm:text-3xl">{student.name}</h1>
            <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
              {active ? (
                <Badge tone="success">Connected</Badge>
              ) : (
                <Badge tone="neutral">Ended {connection.endedAt ? formatDate(connection.endedAt, zone) : ""}</Badge>
              )}
              {connection.messagingLocked && active ? <MessagingPausedBadge /> : null}
              {connection.respondedAt ? <span>Student since {formatMonthYear(connection.respondedAt, zone)}</span> : null}
            </div>
          </div>
          <ButtonLink href={`/messages/${connection.id}`} variant={active ? "primary" : "secondary"}>
            <MessageSquare className="size-4" aria-hidden="true" />
            Message
          </ButtonLink>
        </div>
        {active ? null : (
          <p className="rounded-xl border border-dashed px-4 py-3 text-sm text-muted-foreground">
            This connection has ended. Its history is kept here, read-only.
          </p>
        )}
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-[1.4fr_1fr] [&>*]:min-w-0">
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Contact</CardTitle>
            </CardHeader>
            <CardBody className="space-y-4">
              <ContactDetails contact={student} />
              <p className="flex items-center gap-2 rounded-lg bg-surface-muted px-3 py-2 text-sm">
                <CalendarClock className="size-4 text-muted-foreground" aria-hidden="true" />
                {nextLesson ? (
                  <>
                    Next lesson <span className="font-medium">{formatDateTimeWithYear(nextLesson.startsAt, zone)}</span>
                  </>
                ) : (
                  <span className="text-muted-foreground">No upcoming lesson</span>
                )}
              </p>
            </CardBody>
          </Card>

          {assignmentLists ? (
            <Card aria-labelledby="student-assignments">
              <CardHeader>
                <CardTitle id="student-assignments">Assignments</CardTitle>
                <ButtonLink href={`/assignments/new?student=${connection.id}`} size="sm" variant="secondary">
                  <Plus className="size-4" aria-hidden="true" />
                  New
                </ButtonLink>
              </CardHeader>
              <CardBody className="space-y-5">
                {openAssignments.length === 0 && assignmentLists.completed.length === 0 ? (
                  <EmptyState>No assignments yet.</EmptyState>
                ) : (
                  <>
                    <AssignmentList title="Open" rows={openAssignments} {...assignmentItem} />
                    <AssignmentList title="Completed" rows={assignmentLists.completed.slice(0, 5)} {...assignmentItem} />
                  </>
                )}
              </CardBody>
            </Card>
          ) : null}

          <Card>
            <CardHeader>
              <CardTitle>Lesson history</CardTitle>
              <span className="text-xs text-muted-foreground">Most recent 20</span>
            </CardHeader>
            <CardBody>
              {lessons.length > 0 ? (
                <ul className="divide-y rounded-xl border">
                  {lessons.map((lesson) => (
                    <li key={lesson.id} className="flex items-center justify-between gap-3 px-4 py-2.5">
                      <div className="min-w-0">
                        <p className="text-sm font-medium tabular-nums">{formatDayWithYear(lesson.startsAt, zone)}</p>
                        <p className="truncate text-xs text-muted-foreground">
                          {formatTimeRange(lesson.startsAt, lesson.endsAt, zone)}
                          {lesson.cancellationReason ? ` · ${lesson.cancellationReason}` : ""}
                        </p>
                      </div>
                      <LessonOutcome status={lesson.status} attendance={lesson.attendance} />
                    </li>
                  ))}
                </ul>
              ) : (
                <EmptyState>No lessons yet.</EmptyState>
              )}
            </CardBody>
          </Card>
        </div>

        <div className="space-y-6">
          {practice ? (
            <Card aria-labelledby="student-practice">
              <CardHeader>
                <CardTitle id="student-practice">Practice</CardTitle>
              </CardHeader>
              <CardBody className="space-y-5">
                <WeekProgress overview={practice} />
                <WeeklyPracticeChart overview={practice} label={`${student.name}'s practice per week`} />
                <PracticeGoalForm action={setPracticeGoalAction} connectionId={connection.id} minutes={practice.goalMinutes} />
                {practice.recent.length > 0 ? (
                  <ul className="divide-y border-t" aria-label="Recent practice">
                    {practice.recent.map((entry) => (
                      <li key={entry.id} className="py-3">
                        <PracticeEntryLine entry={entry} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <EmptyState>No practice logged yet.</EmptyState>
                )}
              </CardBody>
            </Card>
          ) : null}

          <Card aria-labelledby="private-notes">
            <CardHeader>
              <CardTitle id="private-notes">Private notes</CardTitle>
              <Badge tone="accent">Only you</Badge>
            </CardHeader>
            <CardBody className="space-y-5">
              {active ? <NoteComposer addNote={addNoteAction} connectionId={connection.id} /> : null}
              {notes.length > 0 ? (
                <ul className="space-y-4 border-t pt-4" aria-label="Notes">
                  {notes.map((note) => (
                    <li key={note.id} className="border-b pb-4 last:border-b-0 last:pb-0">
                      {active ? (
                        <NoteItem
                          actions={{ update: updateNoteAction, remove: deleteNoteAction }}
                          id={note.id}
                          body={note.body}
                          writtenLabel={`${formatDateTimeWithYear(note.createdAt, zone)}${note.updatedAt.getTime() - note.createdAt.getTime() > 1000 ? ` · edited ${formatDateTimeWithYear(note.updatedAt, zone)}` : ""}`}
                        />
                      ) : (
                        <>
                          <p className="whitespace-pre-line break-words text-sm">{note.body}</p>
                          <p className="mt-1 text-xs text-muted-foreground">{formatDateTimeWithYear(note.createdAt, zone)}</p>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              ) : (
                <EmptyState>No notes yet.</EmptyState>
              )}
            </CardBody>
          </Card>

          {active ? (
            <Card>
              <CardHeader>
                <CardTitle>Connection</CardTitle>
              </CardHeader>
              <CardBody className="space-y-5">
                <div className="space-y-2">
                  <p className="text-sm font-medium">Messaging</p>
                  <p className="text-sm text-muted-foreground">
                    {connection.messagingLocked
                      ? "Paused: you both can read the conversation, but nobody can send."
                      : "On: you and your student can message each other."}
                  </p>
                  <ActionButton
                    action={setMessagingLockedAction}
                    fields={{ connectionId: connection.id, locked: String(!connection.messagingLocked) }}
                  >
                    {connection.messagingLocked ? "Turn messaging on" : "Pause messaging"}
                  </ActionButton>
                </div>
                <div className="space-y-2 border-t pt-4">
                  <p className="text-sm font-medium">Booking lessons</p>
                  <p className="text-sm text-muted-foreground">
                    {connection.bookingMode === "direct"
                      ? `Direct: lessons you set up are booked at once, and ${student.name.split(" ")[0]} is told.`
                      : `Requests: lessons you set up wait for ${student.name.split(" ")[0]} to approve them.`}
                  </p>
                  <ActionButton
                    action={setBookingModeAction}
                    fields={{ connectionId: connection.id, mode: connection.bookingMode === "direct" ? "request" : "direct" }}
                  >
                    {connection.bookingMode === "direct" ? "Send requests instead" : "Book lessons directly"}
                  </ActionButton>
                </div>
                <div className="space-y-2 border-t pt-4">
                  <p className="text-sm font-medium">End connection</p>
                  <p className="text-sm text-muted-foreground">Upcoming lessons are cancelled. Past lessons and notes are kept.</p>
                  <EndConnectionButton
                    action={endConnectionWithStudentAction}
                    connectionId={connection.id}
                    otherPartyName={student.name}
                    variant="danger"
                  />
                </div>
              </CardBody>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
