import { BellRing, Check } from "lucide-react";
import Link from "next/link";
import { leadLabel } from "@/lib/notifications/preference-categories";
import type { LessonReminder } from "@/lib/reminders/summary";
import { formatDateTime } from "@/lib/time";

const states: Record<LessonReminder["state"], string> = { sent: "Sent", planned: "", "not-sent": "Not sent (booked or moved later)" };

/** Which reminders the viewer gets for this lesson, when, and which went. */
export function LessonReminders({ reminders, sentence, zone }: { reminders: LessonReminder[]; sentence: string; zone: string }) {
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
            <li key={reminder.lead} className="flex flex-wrap items-center gap-x-2 text-muted-foreground">
              <span className="w-16 font-medium text-foreground">{leadLabel(reminder.lead)}</span>
              <span>{formatDateTime(reminder.at, zone)}</span>
              {reminder.state === "sent" ? (
                <span className="inline-flex items-center gap-1 text-emerald-700 dark:text-emerald-400">
                  <Check className="size-3.5" aria-hidden="true" /> {states.sent}
                </span>
              ) : reminder.state === "not-sent" ? (
                <span>· {states["not-sent"]}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {reminders.length > 0 ? <p className="text-xs text-muted-foreground">{sentence}</p> : null}
    </section>
  );
}
