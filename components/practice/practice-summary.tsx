import { WeeklyBarChart } from "@/components/charts/weekly-bar-chart";
import type { PracticeOverview } from "@/lib/practice/queries";
import { cn } from "@/lib/utils";

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

/** Minutes per week against the goal. */
export function WeeklyPracticeChart({ overview, label }: { overview: Pick<PracticeOverview, "weeks" | "goalMinutes">; label: string }) {
  const total = overview.weeks.reduce((sum, week) => sum + week.minutes, 0);
  const goal = overview.goalMinutes;
  const goalMet = goal ? overview.weeks.filter((week) => week.minutes >= goal).length : null;
  return (
    <WeeklyBarChart
      weeks={overview.weeks.map((week) => ({ weekOf: week.weekOf, value: week.minutes }))}
      label={label}
      valueLabel="Minutes"
      format={(minutes) => `${minutes} min`}
      goal={goal}
      summary={`${total} min over ${overview.weeks.length} weeks${goalMet !== null ? `, goal met in ${goalMet} of them` : ""}.`}
    />
  );
}
