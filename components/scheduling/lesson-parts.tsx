import { MapPin, Video } from "lucide-react";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/dashboard/parts";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import type { Attendance, LessonStatus } from "@/db/schema";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const statusTones: Record<LessonStatus, [BadgeTone, string]> = {
  scheduled: ["accent", "Scheduled"],
  completed: ["success", "Completed"],
  cancelled: ["danger", "Cancelled"],
};

const attendanceTones: Record<Attendance, [BadgeTone, string]> = {
  present: ["success", "Present"],
  late: ["warning", "Late"],
  absent: ["danger", "Absent"],
  excused: ["neutral", "Excused"],
};

export function LessonStatusBadge({ status }: { status: LessonStatus }) {
  const [tone, label] = statusTones[status];
  return <Badge tone={tone}>{label}</Badge>;
}

export function AttendanceBadge({ attendance }: { attendance: Attendance | null }) {
  if (!attendance) return <Badge>Not recorded</Badge>;
  const [tone, label] = attendanceTones[attendance];
  return <Badge tone={tone}>{label}</Badge>;
}

const isWebLink = (location: string) => /^https?:\/\//i.test(location);

/**
 * A place as text, or an online link (only http/https ever becomes a link). Inside another link
 * (`insideLink`) it says "Online lesson" as text: a link within a link is invalid HTML and breaks hydration.
 */
export function LessonLocation({ location, insideLink = false }: { location: string | null; insideLink?: boolean }) {
  if (!location) return null;
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground">
      {isWebLink(location) ? (
        <Video className="size-3.5 shrink-0" aria-hidden="true" />
      ) : (
        <MapPin className="size-3.5 shrink-0" aria-hidden="true" />
      )}
      {isWebLink(location) && insideLink ? (
        <span className="truncate">Online lesson</span>
      ) : isWebLink(location) ? (
        <a
          href={location}
          target="_blank"
          rel="noopener noreferrer"
          className="truncate underline underline-offset-2 hover:text-foreground"
        >
          Online lesson link
        </a>
      ) : (
        <span className="truncate">{location}</span>
      )}
    </span>
  );
}

/** A card with a title, an optional action or icon, and either its list or an empty state. */
export function ListCard({
  id,
  title,
  action,
  empty,
  children,
}: {
  /** An anchor other pages link to. */
  id?: string;
  title: string;
  action?: ReactNode;
  empty: ReactNode | null;
  children: ReactNode;
}) {
  return (
    <Card id={id} className={id ? "scroll-mt-20" : undefined}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {action}
      </CardHeader>
      <CardBody>{empty ? <EmptyState>{empty}</EmptyState> : children}</CardBody>
    </Card>
  );
}
