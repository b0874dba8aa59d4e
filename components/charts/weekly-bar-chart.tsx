import { cn } from "@/lib/utils";

export interface WeekValue {
  /** Monday of the week, `yyyy-mm-dd`. */
  weekOf: string;
  value: number;
}

// One formatter for every label: toLocaleDateString builds a new one per call, which cost a year's dashboard 9 ms.
const weekOfFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export const formatWeekOf = (weekOf: string) => weekOfFormat.format(new Date(`${weekOf}T00:00:00Z`));

/** Around six date labels under the bars, however many weeks there are. */
const labelStep = (count: number) => Math.max(1, Math.ceil(count / 6));

/**
 * One bar per week, drawn on the server with no script. The bars are decoration for sighted readers: the caption says
 * what they show and the same figures sit in a table behind "Show as table".
 */
export function WeeklyBarChart({
  weeks,
  label,
  valueLabel,
  format = String,
  summary,
  goal,
  className,
}: {
  weeks: WeekValue[];
  /** Names the chart and its table. */
  label: string;
  /** The table's value column, e.g. "Minutes". */
  valueLabel: string;
  format?: (value: number) => string;
  summary: string;
  /** A dashed line; weeks that reach it are drawn in green. */
  goal?: number | null;
  className?: string;
}) {
  const peak = Math.max(goal ?? 0, ...weeks.map((week) => week.value), 1);
  const step = labelStep(weeks.length);
  const dense = weeks.length > 16;
  return (
    <figure className={cn("space-y-2", className)} aria-label={label}>
      <div aria-hidden="true" className="relative h-28 border-b border-border">
        <span className="absolute -top-0.5 left-0 text-[10px] tabular-nums text-muted-foreground">{format(peak)}</span>
        <div className="absolute inset-x-0 top-0 border-t border-dashed border-border/70" />
        {goal ? (
          <div
            className="pointer-events-none absolute inset-x-0 border-t border-dashed border-emerald-600/80 dark:border-emerald-400/80"
            style={{ bottom: `${(goal / peak) * 100}%` }}
          >
            <span className="absolute -top-4 right-0 text-[10px] text-emerald-700 dark:text-emerald-300">Goal</span>
          </div>
        ) : null}
        <div className={cn("absolute inset-0 top-4 flex items-end", dense ? "gap-px" : "gap-1.5")}>
          {weeks.map((week) => (
            <div key={week.weekOf} className="flex h-full flex-1 flex-col justify-end">
              <div
                className={cn(
                  "min-h-0.5",
                  dense ? "rounded-t-sm" : "rounded-t",
                  goal && week.value >= goal ? "bg-emerald-500" : "bg-accent/80 dark:bg-accent",
                )}
                style={{ height: `${(week.value / peak) * 100}%` }}
                title={`Week of ${formatWeekOf(week.weekOf)}: ${format(week.value)}`}
              />
            </div>
          ))}
        </div>
      </div>
      <div aria-hidden="true" className={cn("flex text-[10px] text-muted-foreground", dense ? "gap-px" : "gap-1.5")}>
        {weeks.map((week, index) => (
          // The newest week's label ends at the right edge instead of running past it.
          <span key={week.weekOf} className={cn("flex-1 whitespace-nowrap tabular-nums", index === weeks.length - 1 && "flex justify-end")}>
            {(weeks.length - 1 - index) % step === 0 ? formatWeekOf(week.weekOf) : ""}
          </span>
        ))}
      </div>
      <figcaption className="text-xs text-muted-foreground">{summary}</figcaption>
      <details className="group text-xs">
        <summary className="cursor-pointer font-medium text-accent hover:underline">Show as table</summary>
        <div className="mt-2 max-h-64 overflow-auto rounded-lg border">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{label}</caption>
            <thead className="sticky top-0 bg-surface-muted text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Week of
                </th>
                <th scope="col" className="px-3 py-1.5 text-right font-medium">
                  {valueLabel}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {weeks.map((week) => (
                <tr key={week.weekOf}>
                  <td className="px-3 py-1.5">{formatWeekOf(week.weekOf)}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{format(week.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
