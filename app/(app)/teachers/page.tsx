import { CalendarClock, MessageSquare } from "lucide-react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EndConnectionButton } from "@/components/connections/action-button";
import { ReceivedInvitations } from "@/components/connections/received-invitations";
import { ContactDetails, MessagingPausedBadge } from "@/components/connections/parts";
import { EmptyState } from "@/components/dashboard/parts";
import { Avatar } from "@/components/ui/avatar";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/field";
import { requireUser } from "@/lib/auth/session";
import { listReceivedInvitations, listTeachers } from "@/lib/connections/queries";
import { formatDateTime, zoneLabel } from "@/lib/time";
import { acceptInvitationAction, declineInvitationAction, endConnectionWithTeacherAction } from "./actions";

// The invitation token may be in the URL: never send it on as a referrer.
export const metadata: Metadata = { title: "Teachers", referrer: "no-referrer" };

const INVITE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export default async function TeachersPage({ searchParams }: PageProps<"/teachers">) {
  const { invite } = await searchParams;
  const inviteToken = typeof invite === "string" && INVITE_TOKEN.test(invite) ? invite : undefined;
  const user = await requireUser(inviteToken ? `/teachers?invite=${inviteToken}` : "/teachers");
  if (user.role !== "student") redirect("/students");
  const [teachers, invitations] = await Promise.all([listTeachers(user), listReceivedInvitations(user, inviteToken)]);
  const zone = user.timezone;
  const openedInvitationMissing = inviteToken !== undefined && !invitations.some((invitation) => invitation.highlighted);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Teachers</h1>
        <p className="mt-1 text-sm text-muted-foreground">The people who teach you, and how to reach them. Times in {zoneLabel(zone)}.</p>
      </div>

      {openedInvitationMissing ? (
        <FormAlert>
          {user.emailVerifiedAt
            ? "This invitation isn't available to your account: it may have expired, been answered or cancelled, or been sent to another email address."
            : "Confirm your email address to see your invitation: use the link we emailed you, or ask for a new one in the banner above."}
        </FormAlert>
      ) : null}

      <ReceivedInvitations
        id="invitations"
        heading="Invitations"
        invitations={invitations}
        zone={zone}
        actions={{ accept: acceptInvitationAction, decline: declineInvitationAction }}
      />

      <section aria-labelledby="your-teachers" className="space-y-3">
        <h2 id="your-teachers" className="text-base font-semibold tracking-tight">
          Your teachers
        </h2>
        {teachers.length > 0 ? (
          <ul className="grid gap-4 md:grid-cols-2 [&>*]:min-w-0">
            {teachers.map((row) => (
              <li key={row.connectionId}>
                <Card className="h-full">
                  <CardHeader justify="start">
                    <Avatar name={row.teacher.name} />
                    <div className="min-w-0 flex-1">
                      <CardTitle className="truncate">{row.teacher.name}</CardTitle>
                      {row.messagingLocked ? <MessagingPausedBadge /> : null}
                    </div>
                    <ButtonLink href={`/messages/${row.connectionId}`} size="sm" aria-label={`Message ${row.teacher.name}`}>
                      <MessageSquare className="size-4" aria-hidden="true" />
                      Message
                    </ButtonLink>
                  </CardHeader>
                  <CardBody className="space-y-4">
                    <p className="flex items-center gap-2 rounded-lg bg-surface-muted px-3 py-2 text-sm">
                      <CalendarClock className="size-4 text-muted-foreground" aria-hidden="true" />
                      {row.nextLesson ? (
                        <>
                          Next lesson <span className="font-medium">{formatDateTime(row.nextLesson.startsAt, zone)}</span>
                        </>
                      ) : (
                        <span className="text-muted-foreground">No upcoming lesson</span>
                      )}
                    </p>
                    <p className="text-sm text-muted-foreground">
                      {row.bookingMode === "direct"
                        ? `${row.teacher.name.split(" ")[0]} books your lessons directly: they appear in your calendar at once. You can still ask for a lesson, a move or cancel.`
                        : `Lessons ${row.teacher.name.split(" ")[0]} sets up wait for your approval under Lessons.`}
                    </p>
                    <ContactDetails contact={row.teacher} />
                    <div className="border-t pt-4">
                      <EndConnectionButton
                        action={endConnectionWithTeacherAction}
                        connectionId={row.connectionId}
                        otherPartyName={row.teacher.name}
                      />
                    </div>
                  </CardBody>
                </Card>
              </li>
            ))}
          </ul>
        ) : (
          <Card className="p-5">
            <EmptyState>
              {invitations.length > 0
                ? "Accept an invitation above to get started."
                : "No teachers yet. When a teacher invites you with this email address, the invitation appears here."}
            </EmptyState>
          </Card>
        )}
      </section>
    </div>
  );
}
