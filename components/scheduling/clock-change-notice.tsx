import { describeClockChange, parseLocalDateTime } from "@/lib/time";

/**
 * Says, before anything is sent, what a clock change makes of a date and time typed in `zone`: the time it becomes
 * (clocks go forward) or which of its two it means (clocks go back). Nothing on any other night.
 */
export function ClockChangeNotice({
  id,
  date,
  time,
  zone,
  skipped,
}: {
  id: string;
  date: string;
  time: string;
  zone: string;
  skipped?: "shifted" | "starts-at-jump";
}) {
  const local = parseLocalDateTime(`${date}T${time}`);
  const notice = local ? describeClockChange(local, zone, { skipped }) : null;
  if (!notice) return null;
  return (
    <p
      id={id}
      role="note"
      className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100"
    >
      {notice}
    </p>
  );
}
