import type { PracticeOverview } from "@/lib/practice/queries";
import { cn } from "@/lib/utils";

const shortWeek = (weekOf: string) =>
  new Date(`${weekOf}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** This week against the goal, as a bar and in words. */
export function WeekProgress({ overview }: { overview: Pick<PracticeOverview, "thisWeekMinutes" | "goalMinutes"> }) {
  const { thisWeekMinutes: minutes, goalMinutes: goal } = overview;
  const share = goal ? Math.min(1, minutes / goal) : null;
  return (
    <div className="space-y-1.5">
      <p className="flex items-baseline justify-between gap-3 text-sm">
        <span>
          <span className="text-2xl font-semibold tabular-nums">{minutes}</span> min this week
        </span>
        <span className="text-muted-foreground">{goal ? `Goal ${goal} min` : "No weekly goal"}</span>
      </p>
      {share !== null ? (
        <div
          role="meter"
          aria-label="This week's practice against the goal"
          aria-valuemin={0}
          aria-valuemax={goal!}
          aria-valuenow={Math.min(minutes, goal!)}
          aria-valuetext={`${minutes} of ${goal} minutes`}
          className="h-2.5 overflow-hidden rounded-full bg-surface-muted"
        >
          <div
            className={cn("h-full rounded-full", share >= 1 ? "bg-emerald-500" : "bg-accent")}
            style={{ width: `${Math.round(share * 100)}%` }}
          />
        </div>
      ) : null}
    </div>
  );
}

/** Minutes per week as bars, with the same figures in a table for screen readers. */
export function WeeklyPracticeChart({ overview, label }: { overview: Pick<PracticeOverview, "weeks" | "goalMinutes">; label: string }) {
  const peak = Math.max(overview.goalMinutes ?? 0, ...overview.weeks.map((week) => week.minutes), 1);
  const total = overview.weeks.reduce((sum, week) => sum + week.minutes, 0);
  const goalMet = overview.goalMinutes ? overview.weeks.filter((week) => week.minutes >= overview.goalMinutes!).length : null;
  return (
    <figure className="space-y-2">
      <div aria-hidden="true" className="relative flex h-24 items-end gap-1.5">
        {overview.goalMinutes ? (
          <div
            className="pointer-events-none absolute inset-x-0 border-t border-dashed border-emerald-600/70 dark:border-emerald-400/70"
            style={{ bottom: `${(overview.goalMinutes / peak) * 100}%` }}
          >
            <span className="absolute -top-4 right-0 text-[10px] text-emerald-700 dark:text-emerald-300">Goal</span>
          </div>
        ) : null}
        {overview.weeks.map((week) => (
          <div key={week.weekOf} className="flex h-full flex-1 flex-col justify-end">
            <div
              className={cn(
                "min-h-0.5 rounded-t",
                overview.goalMinutes && week.minutes >= overview.goalMinutes ? "bg-emerald-500" : "bg-accent/80",
              )}
              style={{ height: `${(week.minutes / peak) * 100}%` }}
              title={`Week of ${shortWeek(week.weekOf)}: ${week.minutes} min`}
            />
          </div>
        ))}
      </div>
      <div aria-hidden="true" className="flex gap-1.5 text-[10px] text-muted-foreground">
        {overview.weeks.map((week, index) => (
          <span key={week.weekOf} className="flex-1 text-center tabular-nums">
            {index % 2 === overview.weeks.length % 2 ? shortWeek(week.weekOf) : ""}
          </span>
        ))}
      </div>
      <figcaption className="text-xs text-muted-foreground">
        {total} min over {overview.weeks.length} weeks
        {goalMet !== null ? `, goal met in ${goalMet} of them` : ""}.
      </figcaption>
      <table className="sr-only">
        <caption>{label}</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">Minutes</th>
          </tr>
        </thead>
        <tbody>
          {overview.weeks.map((week) => (
            <tr key={week.weekOf}>
              <td>{shortWeek(week.weekOf)}</td>
              <td>{week.minutes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
