"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { itemsByDay, startOfLocalDay, weekGrid } from "@/lib/scheduling/month-grid";
import type { CalendarItem } from "@/lib/scheduling/queries";
import { addDaysToIsoDate, formatDate, formatDayHeading, formatDayMonth, formatIsoDate } from "@/lib/time";
import { cn } from "@/lib/utils";
import { DayItemList } from "./day-items";
import { loadCalendarItems } from "./load-calendar-items";

export interface InitialWeek {
  monday: string;
  items: CalendarItem[];
}

type Loaded = { monday: string; refreshKey: number } & ({ items: CalendarItem[] } | { error: string });

/**
 * A week as a list, the phone's first view of the calendar. The server renders the first week with its items, so the
 * list is there at first paint; weeks after that are fetched. FullCalendar is never loaded for it.
 */
export function PhoneWeek({
  timezone,
  initialWeek,
  refreshKey,
  onOpenEvent,
}: {
  timezone: string;
  initialWeek: InitialWeek;
  refreshKey: number;
  onOpenEvent: (item: CalendarItem) => void;
}) {
  const hydrated = useHydrated();
  const [monday, setMonday] = useState(initialWeek.monday);
  const week = useMemo(() => weekGrid(monday, timezone), [monday, timezone]);
  const [loaded, setLoaded] = useState<Loaded>({ monday: initialWeek.monday, refreshKey: 0, items: initialWeek.items });
  const upToDate = loaded.monday === monday && loaded.refreshKey === refreshKey;

  useEffect(() => {
    if (upToDate) return;
    const controller = new AbortController();
    loadCalendarItems(week.start.toISOString(), week.end.toISOString(), refreshKey, controller.signal)
      .then((items) => setLoaded({ monday, refreshKey, items }))
      .catch(() => {
        if (controller.signal.aborted) return;
        setLoaded({ monday, refreshKey, error: "Could not load the calendar. Check your connection and try again." });
      });
    return () => controller.abort();
  }, [upToDate, monday, week, refreshKey]);

  // A refresh of the same week keeps its list on screen until the new one arrives.
  const current = loaded.monday === monday ? loaded : null;
  const items = current && "items" in current ? current.items : null;
  const byDay = useMemo(() => itemsByDay(items ?? [], week.days, timezone), [items, week.days, timezone]);
  const today = formatIsoDate(new Date(), timezone);
  const sunday = startOfLocalDay(week.days[6]!, timezone);
  const title = `${formatDayMonth(startOfLocalDay(monday, timezone), timezone)} – ${formatDate(sunday, timezone)}`;

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <div className="flex gap-1">
          <Button
            variant="secondary"
            size="sm"
            disabled={!hydrated}
            onClick={() => setMonday(addDaysToIsoDate(monday, -7))}
            aria-label="Previous week"
          >
            <ChevronLeft className="size-4" aria-hidden="true" />
          </Button>
          <Button
            variant="secondary"
            size="sm"
            disabled={!hydrated}
            onClick={() => setMonday(addDaysToIsoDate(monday, 7))}
            aria-label="Next week"
          >
            <ChevronRight className="size-4" aria-hidden="true" />
          </Button>
        </div>
        <h2 className="text-center text-sm font-semibold" aria-live="polite">
          {title}
        </h2>
        <Button variant="secondary" size="sm" disabled={!hydrated} onClick={() => setMonday(weekGrid(today, timezone).monday)}>
          Today
        </Button>
      </div>
      {current && "error" in current ? <FormAlert>{current.error}</FormAlert> : null}
      <div className="space-y-3" aria-busy={!current}>
        {current === null ? <p className="p-3 text-sm text-muted-foreground">Loading…</p> : null}
        {items?.length === 0 ? (
          <p className="rounded-lg border border-dashed p-3 text-sm text-muted-foreground">Nothing booked this week.</p>
        ) : null}
        {items && items.length > 0
          ? week.days.map((day) => {
              const dayItems = byDay.get(day) ?? [];
              if (dayItems.length === 0 && day !== today) return null;
              const heading = formatDayHeading(startOfLocalDay(day, timezone), timezone);
              return (
                <section key={day} aria-label={heading} className="space-y-1.5">
                  <h3 className={cn("text-sm font-semibold", day === today && "text-accent")}>
                    {heading}
                    {day === today ? <span className="ml-2 text-xs font-medium">Today</span> : null}
                  </h3>
                  {dayItems.length > 0 ? (
                    <DayItemList items={dayItems} timezone={timezone} onOpenEvent={onOpenEvent} />
                  ) : (
                    <p className="text-sm text-muted-foreground">Nothing booked today.</p>
                  )}
                </section>
              );
            })
          : null}
      </div>
    </div>
  );
}
