import type { CalendarItem } from "@/lib/scheduling/queries";

/** The viewer's lessons and events in [start, end) from /api/calendar; `version` makes a refresh a new URL. */
export async function loadCalendarItems(start: string, end: string, version: number, signal?: AbortSignal): Promise<CalendarItem[]> {
  const response = await fetch(`/api/calendar?start=${encodeURIComponent(start)}&end=${encodeURIComponent(end)}&v=${version}`, {
    cache: "no-store",
    signal,
  });
  if (!response.ok) throw new Error("Could not load the calendar.");
  return (await response.json()) as CalendarItem[];
}
