import { BellRing, Check } from "lucide-react";
import Link from "next/link";
import { leadLabel } from "@/lib/notifications/preference-categories";
import type { LessonReminder } from "@/lib/reminders/summary";
import { formatDateTime } from "@/lib/time";

/** Which reminders the viewer gets for this lesson, when, and which went. */
export function LessonReminders({ reminders, sentence, zone }: { reminders: LessonReminder[]; sentence: string; zone: string }) {
  const skipped = reminders.some((reminder) => reminder.state === "not-sent");
  return (
    <section aria-label="Reminders" className="space-y-2 rounded-xl bg-surface-muted px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="inline-flex items-center gap-2 text-sm font-medium">
          <BellRing className="size-4 text-muted-foreground" aria-hidden="true" />
          {reminders.length > 0 ? "Your reminders" : sentence}
        </p>
        <Link href="/settings/notifications" className="text-sm font-medium text-accent hover:underline">
          {reminders.length > 0 ? "Change" : "Turn them on"}
        </Link>
      </div>
      {reminders.length > 0 ? (
        <ul className="space-y-1 text-sm">
          {reminders.map((reminder) => (
            <li key={reminder.lead} className="grid grid-cols-[3.5rem_1fr_auto] items-center gap-2 text-muted-foreground">
              <span className="font-medium text-foreground">{leadLabel(reminder.lead)}</span>
              <span className="tabular-nums">{formatDateTime(reminder.at, zone)}</span>
              {reminder.state === "sent" ? (
                <span className="inline-flex items-center gap-1 text-xs font-medium text-emerald-700 dark:text-emerald-400">
                  <Check className="size-3.5" aria-hidden="true" /> Sent
                </span>
              ) : reminder.state === "not-sent" ? (
                <span className="text-xs">Skipped</span>
              ) : (
                <span />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {reminders.length > 0 ? (
        <p className="text-xs text-muted-foreground">
          {sentence}
          {skipped ? " A reminder due before the lesson was booked or moved is skipped." : ""}
        </p>
      ) : null}
    </section>
  );
}
