import { MailOpen } from "lucide-react";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { AnyServerAction } from "@/lib/actions";
import type { ReceivedInvitation } from "@/lib/connections/queries";
import { formatDate } from "@/lib/time";
import { cn } from "@/lib/utils";
import { ActionButton } from "./action-button";

function ReceivedInvitationCard({
  invitation,
  zone,
  actions,
}: {
  invitation: ReceivedInvitation;
  zone: string;
  actions: { accept: AnyServerAction; decline: AnyServerAction };
}) {
  return (
    <Card
      className={cn("h-full p-5", invitation.highlighted && "border-accent ring-2 ring-ring/30")}
      aria-label={`Invitation from ${invitation.teacherName}`}
    >
      <div className="flex items-start gap-3">
        <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-accent-soft text-accent-soft-foreground">
          <MailOpen className="size-5" aria-hidden="true" />
        </span>
        <div className="min-w-0 space-y-1">
          <p className="break-words font-medium">{invitation.teacherName} invited you to be their student</p>
          <p className="text-xs text-muted-foreground">
            {invitation.teacherInstruments.length > 0 ? `${invitation.teacherInstruments.join(", ")} · ` : ""}
            {formatDate(invitation.invitedAt, zone)}
          </p>
        </div>
      </div>
      {invitation.message ? (
        <p className="mt-4 whitespace-pre-line break-words border-l-2 border-accent/40 pl-3 text-sm text-muted-foreground">
          {invitation.message}
        </p>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <ActionButton
          action={actions.accept}
          fields={{ connectionId: invitation.connectionId }}
          variant="primary"
          pendingLabel="Accepting…"
        >
          Accept
        </ActionButton>
        <ActionButton action={actions.decline} fields={{ connectionId: invitation.connectionId }} variant="ghost" pendingLabel="Declining…">
          Decline
        </ActionButton>
      </div>
    </Card>
  );
}

/** Teachers' invitations as the student answers them, on the Teachers page and on a new student's dashboard; nothing when there are none. */
export function ReceivedInvitations({
  id,
  heading,
  invitations,
  zone,
  actions,
}: {
  id: string;
  heading: ReactNode;
  invitations: ReceivedInvitation[];
  zone: string;
  actions: { accept: AnyServerAction; decline: AnyServerAction };
}) {
  if (invitations.length === 0) return null;
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-base font-semibold tracking-tight">
        {heading}
      </h2>
      <ul className="grid gap-4 md:grid-cols-2 [&>*]:min-w-0">
        {invitations.map((invitation) => (
          <li key={invitation.connectionId}>
            <ReceivedInvitationCard invitation={invitation} zone={zone} actions={actions} />
          </li>
        ))}
      </ul>
    </section>
  );
}
