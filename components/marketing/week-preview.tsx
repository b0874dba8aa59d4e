import { BellRing, CalendarClock, Check, Clock3 } from "lucide-react";

const lessons = [
  { day: "Mon", time: "16:00", student: "Leo F.", instrument: "Piano", status: "Attended", tone: "emerald" },
  { day: "Mon", time: "17:00", student: "Priya R.", instrument: "Piano · online", status: "Approved", tone: "brand" },
  { day: "Tue", time: "16:30", student: "Sofia M.", instrument: "Voice", status: "Moved from Wed", tone: "amber" },
  { day: "Sat", time: "15:00", student: "Maya C.", instrument: "Piano · online", status: "Requested", tone: "slate" },
] as const;

const toneClasses = {
  emerald: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200",
  brand: "bg-accent-soft text-accent-soft-foreground",
  amber: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100",
  slate: "bg-surface-muted text-muted-foreground",
} as const;

/** An illustration of a teacher's week, drawn with the app's own styles. */
export function WeekPreview() {
  return (
    <div aria-hidden="true" className="relative mx-auto w-full max-w-md">
      <div className="absolute -inset-6 -z-10 rounded-[2rem] bg-gradient-to-br from-brand-200/60 via-transparent to-amber-200/50 blur-2xl dark:from-brand-700/30 dark:to-amber-700/10" />
      <div className="rounded-2xl border bg-surface p-5 shadow-xl shadow-brand-900/5">
        <div className="flex items-center justify-between">
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">This week</p>
            <p className="text-lg font-semibold">Amelia&rsquo;s studio</p>
          </div>
          <span className="inline-flex items-center gap-1 rounded-full bg-surface-muted px-2.5 py-1 text-xs text-muted-foreground">
            <CalendarClock className="size-3.5" /> Europe/London
          </span>
        </div>
        <ul className="mt-4 space-y-2.5">
          {lessons.map((lesson) => (
            <li key={lesson.student} className="flex items-center gap-3 rounded-xl border px-3 py-2.5">
              <div className="w-12 text-center">
                <p className="text-xs text-muted-foreground">{lesson.day}</p>
                <p className="text-sm font-semibold tabular-nums">{lesson.time}</p>
              </div>
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium">{lesson.student}</p>
                <p className="truncate text-xs text-muted-foreground">{lesson.instrument}</p>
              </div>
              <span className={`rounded-full px-2 py-0.5 text-[11px] font-medium ${toneClasses[lesson.tone]}`}>{lesson.status}</span>
            </li>
          ))}
        </ul>
        <div className="mt-4 flex items-start gap-3 rounded-xl bg-surface-muted p-3">
          <BellRing className="mt-0.5 size-4 shrink-0 text-accent" />
          <p className="text-sm">
            <span className="font-medium">Maya Chen</span> asked for 12 weekly lessons, starting Sat 15:00.
          </p>
        </div>
        <div className="mt-3 flex gap-4 text-xs text-muted-foreground">
          <span className="inline-flex items-center gap-1">
            <Check className="size-3.5 text-emerald-600" /> 92% attendance this term
          </span>
          <span className="inline-flex items-center gap-1">
            <Clock3 className="size-3.5" /> Next: Mon 16:00
          </span>
        </div>
      </div>
    </div>
  );
}
