import { cn } from "@/lib/utils";

export interface WeekValue {
  /** Monday of the week, `yyyy-mm-dd`. */
  weekOf: string;
  value: number;
}

// One formatter for every label: toLocaleDateString builds a new one per call, which cost a year's dashboard 9 ms.
const weekOfFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export const formatWeekOf = (weekOf: string) => weekOfFormat.format(new Date(`${weekOf}T00:00:00Z`));

/** At most five date labels under the bars, however many weeks there are, counted back from the newest. */
const labelStep = (count: number) => Math.max(1, Math.ceil(count / 5));

/** Bar heights in a 0–100 box, each bar one unit wide less the gap, as one SVG path. */
function barsPath(bars: { index: number; height: number }[], gap: number): string {
  const width = 1 - gap;
  return bars
    .map(({ index, height }) => `M${(index + gap / 2).toFixed(2)} 100V${(100 - Math.max(height, 1)).toFixed(2)}h${width}V100z`)
    .join("");
}

/**
 * One bar per week, drawn on the server as two SVG paths (weeks under the goal, weeks that reach it), with no script:
 * a year is a handful of elements rather than hundreds. The bars are decoration for sighted readers: the caption says
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
  const bars = weeks.map((week, index) => ({
    index,
    height: (week.value / peak) * 100,
    reachesGoal: goal != null && goal > 0 && week.value >= goal,
  }));
  const under = bars.filter((bar) => !bar.reachesGoal);
  const reached = bars.filter((bar) => bar.reachesGoal);
  const gap = weeks.length > 16 ? 0.2 : 0.3;
  const labelled = weeks.flatMap((week, index) => ((weeks.length - 1 - index) % step === 0 ? [{ week, index }] : []));
  return (
    <figure className={cn("space-y-2", className)} aria-label={label}>
      <div aria-hidden="true" className="relative h-28 border-b border-border">
        <span className="absolute -top-0.5 left-0 text-[10px] tabular-nums text-muted-foreground">{format(peak)}</span>
        <div className="absolute inset-x-0 top-0 border-t border-dashed border-border/70" />
        {/* The bars' box: the bars and the goal line share its height. */}
        <div className="absolute inset-x-0 bottom-0 h-24">
          <svg viewBox={`0 0 ${Math.max(weeks.length, 1)} 100`} preserveAspectRatio="none" className="size-full">
            <path d={barsPath(under, gap)} className="fill-accent/80 dark:fill-accent" />
            {reached.length > 0 ? <path d={barsPath(reached, gap)} className="fill-emerald-500" /> : null}
          </svg>
          {goal ? (
            <div
              className="pointer-events-none absolute inset-x-0 border-t border-dashed border-emerald-600/80 dark:border-emerald-400/80"
              style={{ bottom: `${(goal / peak) * 100}%` }}
            >
              <span className="absolute -top-4 right-0 text-[10px] text-emerald-700 dark:text-emerald-300">Goal</span>
            </div>
          ) : null}
        </div>
      </div>
      <div aria-hidden="true" className="relative h-3.5 text-[10px] text-muted-foreground">
        {labelled.map(({ week, index }) => {
          const centre = ((index + 0.5) / weeks.length) * 100;
          return (
            // Each label sits under the middle of its bar; one at either edge keeps inside the chart.
            <span
              key={week.weekOf}
              className={cn("absolute whitespace-nowrap tabular-nums", index < weeks.length - 1 && centre >= 8 && "-translate-x-1/2")}
              style={index === weeks.length - 1 ? { right: 0 } : { left: centre < 8 ? 0 : `${centre}%` }}
            >
              {formatWeekOf(week.weekOf)}
            </span>
          );
        })}
      </div>
      <figcaption className="text-xs text-muted-foreground">{summary}</figcaption>
      <details className="group text-xs">
        <summary className="cursor-pointer font-medium text-accent hover:underline">Show as table</summary>
        <div className="mt-2 max-h-64 overflow-auto rounded-lg border">
          {/* Cell styles sit on the table, not on each of a year's cells. */}
          <table className="w-full text-left text-sm [&_td]:px-3 [&_td]:py-1.5 [&_td+td]:text-right [&_td+td]:tabular-nums">
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
                  <td>{formatWeekOf(week.weekOf)}</td>
                  <td>{format(week.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
