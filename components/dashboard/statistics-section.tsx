import { BarChart3, CalendarCheck2, CalendarX2, ClipboardCheck, Timer } from "lucide-react";
import Link from "next/link";
import type { CSSProperties, ReactNode } from "react";
import { formatWeekOf, WeeklyBarChart } from "@/components/charts/weekly-bar-chart";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import {
  attendanceRate,
  onTimeRate,
  STATISTICS_PERIODS,
  type AttendanceCounts,
  type StatisticsPeriod,
  type StudioStatistics,
} from "@/lib/dashboard/statistics";
import { formatMinutes } from "@/lib/time";
import { cn, plural } from "@/lib/utils";

const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);
const average = (total: number, weeks: number) => Math.round((total / weeks) * 10) / 10;

const attendanceParts = [
  { key: "present", label: "Present", swatch: "bg-emerald-500" },
  { key: "late", label: "Late", swatch: "bg-amber-400" },
  { key: "absent", label: "Absent", swatch: "bg-red-500" },
  { key: "excused", label: "Excused", swatch: "bg-slate-400 dark:bg-slate-500" },
] as const satisfies readonly { key: keyof AttendanceCounts; label: string; swatch: string }[];

function PeriodSwitch({ current }: { current: StatisticsPeriod }) {
  return (
    <nav aria-label="Statistics period" className="inline-flex rounded-lg border bg-surface p-0.5">
      {STATISTICS_PERIODS.map((weeks) => (
        <Link
          key={weeks}
          href={`/dashboard?weeks=${weeks}#statistics`}
          scroll={false}
          aria-current={weeks === current ? "page" : undefined}
          className={cn(
            "rounded-md px-3 py-1 text-sm font-medium transition",
            weeks === current
              ? "bg-accent text-accent-foreground shadow-sm"
              : "text-muted-foreground hover:bg-surface-muted hover:text-foreground",
          )}
        >
          {weeks} weeks
        </Link>
      ))}
    </nav>
  );
}

function Figure({ icon: Icon, label, value, detail }: { icon: typeof BarChart3; label: string; value: string; detail: string }) {
  return (
    <div className="rounded-xl border bg-surface p-4">
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Icon className="size-4 shrink-0" aria-hidden="true" />
        {label}
      </p>
      <p className="mt-1 text-2xl font-semibold tabular-nums tracking-tight">{value}</p>
      <p className="mt-0.5 text-xs text-muted-foreground">{detail}</p>
    </div>
  );
}

/** One bar split into the four marks, with the counts beside it and in a table. */
function AttendanceBreakdown({ counts }: { counts: AttendanceCounts }) {
  const marked = counts.present + counts.late + counts.absent + counts.excused;
  if (marked === 0) return <p className="text-sm text-muted-foreground">No attendance marked in this period.</p>;
  return (
    <figure className="space-y-3" aria-label="Attendance by mark">
      <div aria-hidden="true" className="flex h-4 overflow-hidden rounded-full bg-surface-muted">
        {attendanceParts.map((part) =>
          counts[part.key] > 0 ? (
            <div key={part.key} className={part.swatch} style={{ width: `${(counts[part.key] / marked) * 100}%` }} />
          ) : null,
        )}
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">Attendance by mark, of {plural(marked, "marked lesson")}</caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">Mark</th>
            <th scope="col">Lessons</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {attendanceParts.map((part) => (
            <tr key={part.key}>
              <th scope="row" className="py-1 text-left font-normal">
                <span className={cn("mr-2 inline-block size-2.5 rounded-full align-middle", part.swatch)} aria-hidden="true" />
                {part.label}
              </th>
              <td className="py-1 text-right tabular-nums">{counts[part.key]}</td>
              <td className="w-16 py-1 text-right tabular-nums text-muted-foreground">{percent(counts[part.key] / marked)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="text-xs text-muted-foreground">
        {percent(attendanceRate(counts))} attended (present or late) of {plural(marked, "marked lesson")}.
      </figcaption>
    </figure>
  );
}

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-sm">{title}</CardTitle>
      </CardHeader>
      <CardBody>{children}</CardBody>
    </Card>
  );
}

function busiestWeek(weeks: { weekOf: string; value: number }[]): string {
  const top = weeks.reduce((best, week) => (week.value > best.value ? week : best), weeks[0]!);
  return top.value > 0 ? `; the busiest was the week of ${formatWeekOf(top.weekOf)}` : "";
}

/**
 * Per student (for a teacher) or per teacher (for a student); scrolls sideways on a phone with the name kept in view.
 * A studio has dozens of rows, so cell styles sit on the table, not on each cell.
 */
function PeopleTable({ statistics, isTeacher }: { statistics: StudioStatistics; isTeacher: boolean }) {
  const otherLabel = isTeacher ? "Student" : "Teacher";
  return (
    <div className="overflow-x-auto rounded-xl border">
      <table className="w-full min-w-[40rem] whitespace-nowrap text-sm [&_td]:px-3 [&_td]:py-2.5 [&_td]:text-right [&_td]:tabular-nums [&_td:last-child]:pr-4 [&_tbody_th]:sticky [&_tbody_th]:left-0 [&_tbody_th]:max-w-48 [&_tbody_th]:truncate [&_tbody_th]:bg-surface [&_tbody_th]:px-4 [&_tbody_th]:py-2.5 [&_tbody_th]:text-left [&_tbody_th]:font-medium">
        <caption className="sr-only">
          {isTeacher ? "Each student" : "Each teacher"} over the last {statistics.weeks} weeks
        </caption>
        <thead className="bg-surface-muted text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="sticky left-0 bg-surface-muted px-4 py-2 text-left font-medium">
              {otherLabel}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Lessons
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Attendance
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Cancelled by you
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Cancelled by {isTeacher ? "student" : "teacher"}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Practice
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Assignments on time
            </th>
          </tr>
        </thead>
        <tbody className="divide-y bg-surface">
          {statistics.perPerson.map((person) => {
            const rate = attendanceRate(person.attendance);
            const due = person.assignments.onTime + person.assignments.late + person.assignments.notDone;
            return (
              <tr key={person.connectionId}>
                <th scope="row">
                  {isTeacher ? (
                    <Link href={`/students/${person.connectionId}`} prefetch={false} className="hover:underline">
                      {person.name}
                    </Link>
                  ) : (
                    person.name
                  )}
                </th>
                <td>{person.lessons}</td>
                <td>
                  <span
                    aria-hidden="true"
                    className="rate-bar"
                    data-low={rate !== null && rate < 0.75 ? "" : undefined}
                    style={{ "--rate": `${Math.round((rate ?? 0) * 100)}%` } as CSSProperties}
                  />
                  {percent(rate)}
                </td>
                <td>{isTeacher ? person.cancelledByTeacher : person.cancelledByStudent}</td>
                <td>{isTeacher ? person.cancelledByStudent : person.cancelledByTeacher}</td>
                <td>{formatMinutes(person.practiceMinutes)}</td>
                <td>{due === 0 ? "—" : `${person.assignments.onTime} of ${due}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Statistics over 4, 12 or 52 weeks, rendered on the server: a teacher sees their studio, a student their own
 * attendance, assignments and practice. Every chart has its figures in words and in a table.
 */
export function StatisticsSection({ statistics, isTeacher }: { statistics: StudioStatistics; isTeacher: boolean }) {
  const { weeks, attendance, cancellations, assignments } = statistics;
  const lessonsHeld = statistics.lessonsPerWeek.reduce((sum, week) => sum + week.lessons, 0);
  const practiceTotal = statistics.practicePerWeek.reduce((sum, week) => sum + week.minutes, 0);
  const marked = attendance.present + attendance.late + attendance.absent + attendance.excused;
  const due = assignments.onTime + assignments.late + assignments.notDone;
  const lessonWeeks = statistics.lessonsPerWeek.map((week) => ({ weekOf: week.weekOf, value: week.lessons }));
  const practiceWeeks = statistics.practicePerWeek.map((week) => ({ weekOf: week.weekOf, value: week.minutes }));
  const cancelledByYou = isTeacher ? cancellations.byTeacher : cancellations.byStudent;
  const cancelledByOther = isTeacher ? cancellations.byStudent : cancellations.byTeacher;
  const studentsPractising = statistics.perPerson.filter((person) => person.practiceMinutes > 0).length;

  return (
    <section id="statistics" aria-labelledby="statistics-title" className="scroll-mt-20 space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="statistics-title" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
            <BarChart3 className="size-5 text-muted-foreground" aria-hidden="true" />
            {isTeacher ? "Studio statistics" : "Your progress"}
          </h2>
          <p className="text-sm text-muted-foreground">
            The last {weeks} weeks, since Monday {formatWeekOf(statistics.firstDay)}
          </p>
        </div>
        <PeriodSwitch current={weeks} />
      </div>

      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4 [&>*]:min-w-0">
        <Figure
          icon={CalendarCheck2}
          label={isTeacher ? "Lessons taught" : "Lessons"}
          value={String(lessonsHeld)}
          detail={`${average(lessonsHeld, weeks)} a week`}
        />
        <Figure
          icon={CalendarCheck2}
          label="Attendance"
          value={percent(attendanceRate(attendance))}
          detail={`of ${plural(marked, "marked lesson")}`}
        />
        {isTeacher ? (
          <Figure
            icon={CalendarX2}
            label="Cancellations"
            value={String(cancellations.byTeacher + cancellations.byStudent)}
            detail={`${cancelledByYou} by you · ${cancelledByOther} by students`}
          />
        ) : (
          <Figure
            icon={ClipboardCheck}
            label="Assignments on time"
            value={percent(onTimeRate(assignments))}
            detail={due === 0 ? "none fell due" : `${assignments.onTime} of ${plural(due, "assignment")} due`}
          />
        )}
        <Figure
          icon={Timer}
          label="Practice"
          value={formatMinutes(practiceTotal)}
          detail={
            isTeacher
              ? `${plural(studentsPractising, "student")} logged practice`
              : `${formatMinutes(Math.round(practiceTotal / weeks))} a week on average`
          }
        />
      </div>

      <div className="grid gap-4 lg:grid-cols-3 [&>*]:min-w-0">
        {isTeacher ? (
          <ChartCard title="Lessons per week">
            <WeeklyBarChart
              weeks={lessonWeeks}
              label="Lessons taught per week"
              valueLabel="Lessons"
              summary={`${plural(lessonsHeld, "lesson")} in ${weeks} weeks, ${average(lessonsHeld, weeks)} a week${busiestWeek(lessonWeeks)}.`}
            />
          </ChartCard>
        ) : null}
        <ChartCard title={isTeacher ? "Practice per week, all students" : "Practice per week"}>
          <WeeklyBarChart
            weeks={practiceWeeks}
            label="Practice minutes per week"
            valueLabel="Practice"
            format={formatMinutes}
            summary={`${formatMinutes(practiceTotal)} in ${weeks} weeks${busiestWeek(practiceWeeks)}.`}
          />
        </ChartCard>
        <ChartCard title="Attendance">
          <AttendanceBreakdown counts={attendance} />
        </ChartCard>
        {isTeacher ? null : (
          <ChartCard title="Cancellations">
            <p className="text-sm">
              {cancelledByYou + cancelledByOther === 0
                ? "No lesson was cancelled in this period."
                : `${plural(cancelledByYou + cancelledByOther, "lesson")} cancelled: ${cancelledByYou} by you, ${cancelledByOther} by your ${
                    statistics.perPerson.length === 1 ? "teacher" : "teachers"
                  }.`}
            </p>
          </ChartCard>
        )}
      </div>

      {statistics.perPerson.length > 0 ? (
        <PeopleTable statistics={statistics} isTeacher={isTeacher} />
      ) : (
        <p className="rounded-xl border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
          Nothing happened in this period yet: lessons, practice and assignments will show here as they do.
        </p>
      )}
    </section>
  );
}
