import type { ReactNode } from "react";
import { formatDay } from "@/lib/time";

export interface PracticeEntryView {
  id: string;
  practicedOn: string;
  minutes: number;
  note: string | null;
  assignmentId: string | null;
  assignmentTitle: string | null;
}

/** A practice day is a calendar date, not an instant: shown as written, whatever the viewer's zone. */
export const formatPracticeDay = (day: string) => formatDay(new Date(`${day}T12:00:00Z`), "UTC");

export function PracticeEntryLine({ entry, children }: { entry: PracticeEntryView; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
      <div className="min-w-0 flex-1">
        <p className="text-sm">
          <span className="font-medium tabular-nums">{formatPracticeDay(entry.practicedOn)}</span>
          <span className="text-muted-foreground"> · {entry.minutes} min</span>
          {entry.assignmentTitle ? <span className="break-words text-muted-foreground"> · {entry.assignmentTitle}</span> : null}
        </p>
        {entry.note ? <p className="whitespace-pre-line break-words text-sm text-muted-foreground">{entry.note}</p> : null}
      </div>
      {children}
    </div>
  );
}
