import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { CalendarItem } from "@/lib/scheduling/queries";
import { formatTimeRange } from "@/lib/time";
import { cn } from "@/lib/utils";
import { calendarColours } from "./calendar-colours";

export const colourOf = (item: CalendarItem) => calendarColours[item.kind === "event" ? "event" : (item.status ?? "scheduled")].colour;

/** One day's lessons and events on a phone: a lesson links to its page, an event opens in the calendar's panel. */
export function DayItemList({
  items,
  timezone,
  onOpenEvent,
}: {
  items: CalendarItem[];
  timezone: string;
  onOpenEvent: (item: CalendarItem) => void;
}) {
  return (
    <ul className="divide-y rounded-lg border">
      {items.map((item) => {
        const when = item.allDay ? "All day" : formatTimeRange(new Date(item.start), new Date(item.end), timezone);
        const body = (
          <>
            <span className="mt-1.5 size-2 shrink-0 rounded-full" style={{ backgroundColor: colourOf(item) }} aria-hidden="true" />
            <span className="min-w-0 flex-1">
              <span className="block text-xs text-muted-foreground tabular-nums">{when}</span>
              <span className={cn("block break-words font-medium", item.status === "cancelled" && "line-through")}>{item.title}</span>
            </span>
            {item.status === "cancelled" ? <Badge>Cancelled</Badge> : null}
            {item.pendingMove ? <Badge tone="warning">New time proposed</Badge> : null}
          </>
        );
        const rowClass = "flex w-full items-start gap-3 p-3 text-left text-sm hover:bg-surface-muted";
        return (
          <li key={`${item.kind}:${item.id}`}>
            {item.kind === "lesson" ? (
              <Link href={`/lessons/${item.id}`} className={rowClass}>
                {body}
              </Link>
            ) : (
              <button type="button" className={rowClass} onClick={() => onOpenEvent(item)}>
                {body}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
