import { CalendarClock, Search, UserPlus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ActionButton } from "@/components/connections/action-button";
import { InviteForm } from "@/components/connections/invite-form";
import { MessagingPausedBadge } from "@/components/connections/parts";
import { EmptyState } from "@/components/dashboard/parts";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { requireUser } from "@/lib/auth/session";
import { listSentInvitations, listStudents, type StudentRow } from "@/lib/connections/queries";
import { studentSearchSchema } from "@/lib/connections/schemas";
import { formatDate, formatDateTime, zoneLabel } from "@/lib/time";
import { cancelInvitationAction, inviteStudentAction, resendInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Students" };

function StudentListItem({ row, zone }: { row: StudentRow; zone: string }) {
  const { student, nextLesson, attendanceRate } = row;
  return (
    <li>
      <Link
        href={`/students/${row.connectionId}`}
        className="flex gap-3 px-5 py-4 transition hover:bg-surface-muted/60 focus-visible:bg-surface-muted/60"
      >
        <Avatar name={student.name} className="mt-0.5" />
        <div className="min-w-0 flex-1 space-y-1.5">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <p className="truncate font-medium">{student.name}</p>
            {row.messagingLocked ? <MessagingPausedBadge /> : null}
          </div>
          <p className="truncate text-xs text-muted-foreground">{student.email}</p>
          <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
            <span className="inline-flex items-center gap-1">
              <CalendarClock className="size-3.5" aria-hidden="true" />
              {nextLesson ? (
                <>
                  Next: <span className="font-medium text-foreground">{formatDateTime(nextLesson.startsAt, zone)}</span>
                </>
              ) : (
                "No lesson booked"
              )}
            </span>
            <span>
              Attendance:{" "}
              <span className="font-medium text-foreground">{attendanceRate === null ? "—" : `${Math.round(attendanceRate * 100)}%`}</span>
            </span>
          </div>
        </div>
      </Link>
    </li>
  );
}

export default async function StudentsPage({ searchParams }: PageProps<"/students">) {
  const user = await requireUser("/students");
  if (user.role !== "teacher") redirect("/teachers");
  const { q } = await searchParams;
  const query = studentSearchSchema.parse(typeof q === "string" ? q : undefined) || undefined;
  const [students, invitations] = await Promise.all([listStudents(user, query), listSentInvitations(user)]);
  const zone = user.timezone;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Students</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Everyone you teach, their next lesson and how they are getting on. Times in {zoneLabel(zone)}.
        </p>
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-[1.6fr_1fr] [&>*]:min-w-0">
        <Card>
          <CardHeader className="flex-wrap">
            <CardTitle>{query ? `Students matching “${query}”` : "Your students"}</CardTitle>
            <form role="search" action="/students" className="flex w-full gap-2 sm:w-auto">
              <label htmlFor="q" className="sr-only">
                Search students
              </label>
              <div className="relative flex-1">
                <Search
                  className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
                  aria-hidden="true"
                />
                <Input id="q" name="q" type="search" defaultValue={query} placeholder="Name or email" compact className="pl-9 sm:w-56" />
              </div>
              <Button type="submit" variant="secondary">
                Search
              </Button>
            </form>
          </CardHeader>
          <CardBody flush>
            {students.length > 0 ? (
              <ul className="divide-y border-t" aria-label="Students">
                {students.map((row) => (
                  <StudentListItem key={row.connectionId} row={row} zone={zone} />
                ))}
              </ul>
            ) : (
              <div className="px-5 pb-3">
                <EmptyState>
                  {query ? (
                    <>
                      Nobody matches “{query}”.{" "}
                      <Link href="/students" className="font-medium text-accent underline-offset-2 hover:underline">
                        Show everyone
                      </Link>
                    </>
                  ) : (
                    "No students yet. Invite your first student and they will appear here once they accept."
                  )}
                </EmptyState>
              </div>
            )}
          </CardBody>
        </Card>

        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Invite a student</CardTitle>
              <UserPlus className="size-4 text-muted-foreground" aria-hidden="true" />
            </CardHeader>
            <CardBody>
              <InviteForm invite={inviteStudentAction} canInvite={Boolean(user.emailVerifiedAt)} />
            </CardBody>
          </Card>

          <Card aria-labelledby="pending-invitations">
            <CardHeader>
              <CardTitle id="pending-invitations">Pending invitations</CardTitle>
              <span className="text-xs text-muted-foreground">Valid for 30 days</span>
            </CardHeader>
            <CardBody>
              {invitations.length > 0 ? (
                <ul className="space-y-4">
                  {invitations.map((invitation) => (
                    <li key={invitation.connectionId} className="space-y-2">
                      <div className="flex items-start justify-between gap-3">
                        <div className="min-w-0">
                          <p className="truncate text-sm font-medium">{invitation.studentName ?? invitation.email}</p>
                          <p className="truncate text-xs text-muted-foreground">
                            {invitation.studentName ? `${invitation.email} · ` : ""}sent {formatDate(invitation.invitedAt, zone)}
                          </p>
                        </div>
                        {invitation.expired ? <Badge tone="danger">Expired</Badge> : <Badge tone="accent">Pending</Badge>}
                      </div>
                      <div className="flex flex-wrap gap-2">
                        <ActionButton
                          action={resendInvitationAction}
                          fields={{ connectionId: invitation.connectionId }}
                          pendingLabel="Sending…"
                        >
                          Resend
                        </ActionButton>
                        <ActionButton
                          action={cancelInvitationAction}
                          fields={{ connectionId: invitation.connectionId }}
                          variant="ghost"
                          confirm="Cancel this invitation?"
                          confirmLabel="Cancel invitation"
                          pendingLabel="Cancelling…"
                        >
                          Cancel
                        </ActionButton>
                      </div>
                    </li>
                  ))}
                </ul>
              ) : (
                <EmptyState>No invitations waiting for an answer.</EmptyState>
              )}
            </CardBody>
          </Card>
        </div>
      </div>
    </div>
  );
}
