import { Mail, MapPin, Music, Phone } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { Contact } from "@/lib/connections/queries";
import { zoneLabel } from "@/lib/time";

/** How to reach someone: every value is user text, rendered as text; only email and phone become links. */
export function ContactDetails({ contact }: { contact: Contact }) {
  const rows: [typeof Mail, string, ReactNode][] = [
    [
      Mail,
      "Email",
      <a key="email" href={`mailto:${contact.email}`} className="break-all text-accent underline-offset-2 hover:underline">
        {contact.email}
      </a>,
    ],
    [
      Phone,
      "Phone",
      contact.phone ? (
        <a key="phone" href={`tel:${contact.phone.replace(/[^+\d]/g, "")}`} className="text-accent underline-offset-2 hover:underline">
          {contact.phone}
        </a>
      ) : (
        <span className="text-muted-foreground">Not given</span>
      ),
    ],
    [MapPin, "Timezone", zoneLabel(contact.timezone)],
    [
      Music,
      "Instruments",
      contact.instruments.length > 0 ? contact.instruments.join(", ") : <span className="text-muted-foreground">Not given</span>,
    ],
  ];
  return (
    <dl className="space-y-3">
      {rows.map(([Icon, label, value]) => (
        <div key={label} className="flex items-start gap-3 text-sm">
          <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
          <dt className="sr-only">{label}</dt>
          <dd className="min-w-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function MessagingPausedBadge() {
  return <Badge tone="warning">Messaging paused</Badge>;
}

const lessonBadges = {
  present: ["success", "Present"],
  late: ["warning", "Late"],
  absent: ["danger", "Absent"],
  excused: ["neutral", "Excused"],
} as const;

export function LessonOutcome({ status, attendance }: { status: string; attendance: string | null }) {
  if (status === "cancelled") return <Badge tone="neutral">Cancelled</Badge>;
  const badge = attendance ? lessonBadges[attendance as keyof typeof lessonBadges] : undefined;
  return badge ? <Badge tone={badge[0]}>{badge[1]}</Badge> : <Badge tone="neutral">Not marked</Badge>;
}
