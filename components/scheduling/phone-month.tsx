"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { itemsByDay, monthGrid, shiftMonth, startOfLocalDay } from "@/lib/scheduling/month-grid";
import type { CalendarItem } from "@/lib/scheduling/queries";
import { formatDayHeading, formatIsoDate, formatMonthYear } from "@/lib/time";
import { cn } from "@/lib/utils";
import { colourOf, DayItemList } from "./day-items";
import { loadCalendarItems } from "./load-calendar-items";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DOTS_PER_DAY = 3;

function describeDay(heading: string, items: CalendarItem[]): string {
  const lessons = items.filter((item) => item.kind === "lesson").length;
  const events = items.length - lessons;
  const parts = [lessons && `${lessons} lesson${lessons === 1 ? "" : "s"}`, events && `${events} event${events === 1 ? "" : "s"}`].filter(
    Boolean,
  );
  return `${heading}: ${parts.length > 0 ? parts.join(", ") : "nothing booked"}`;
}

type Loaded = { key: string; items: CalendarItem[] } | { key: string; error: string };

/**
 * The month on a phone, as phone calendars show it: a dot per lesson or event (words do not fit a seventh of 390 px),
 * and the chosen day's list underneath.
 */
export function PhoneMonth({
  timezone,
  initialDate,
  refreshKey,
  onOpenEvent,
  onAddOn,
}: {
  timezone: string;
  initialDate?: string;
  refreshKey: number;
  onOpenEvent: (item: CalendarItem) => void;
  onAddOn: (date: string) => void;
}) {
  const today = formatIsoDate(new Date(), timezone);
  const [selected, setSelected] = useState(initialDate ?? today);
  const [month, setMonth] = useState(selected.slice(0, 7));
  const grid = useMemo(() => monthGrid(month, timezone), [month, timezone]);
  const key = `${grid.start.toISOString()}|${grid.end.toISOString()}|${refreshKey}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    loadCalendarItems(grid.start.toISOString(), grid.end.toISOString(), refreshKey, controller.signal)
      .then((items) => setLoaded({ key, items }))
      .catch(() => {
        if (!controller.signal.aborted) setLoaded({ key, error: "Could not load the calendar. Check your connection and try again." });
      });
    return () => controller.abort();
  }, [grid, key, refreshKey]);

  const current = loaded?.key === key ? loaded : null;
  const byDay = useMemo(
    () => itemsByDay(current && "items" in current ? current.items : [], grid.days, timezone),
    [current, grid.days, timezone],
  );
  const goTo = (target: string) => {
    setMonth(target);
    setSelected(today.startsWith(target) ? today : `${target}-01`);
  };
  const dayItems = byDay.get(selected) ?? [];
  const heading = formatDayHeading(startOfLocalDay(selected, timezone), timezone);

  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <div className="flex gap-1">
          <Button variant="secondary" size="sm" onClick={() => goTo(shiftMonth(month, -1))} aria-label="Previous month">
            <ChevronLeft className="size-4" aria-hidden="true" />
          </Button>
          <Button variant="secondary" size="sm" onClick={() => goTo(shiftMonth(month, 1))} aria-label="Next month">
            <ChevronRight className="size-4" aria-hidden="true" />
          </Button>
        </div>
        <h2 className="text-base font-semibold" aria-live="polite">
          {formatMonthYear(startOfLocalDay(`${month}-01`, timezone), timezone)}
        </h2>
        <Button variant="secondary" size="sm" onClick={() => (setMonth(today.slice(0, 7)), setSelected(today))}>
          Today
        </Button>
      </div>
      {current && "error" in current ? <FormAlert>{current.error}</FormAlert> : null}
      <div className="grid grid-cols-7 gap-1 text-center" aria-busy={!current}>
        {WEEKDAYS.map((weekday) => (
          <div key={weekday} className="pb-1 text-xs font-medium text-muted-foreground" aria-hidden="true">
            {weekday}
          </div>
        ))}
        {grid.days.map((day) => {
          const items = byDay.get(day) ?? [];
          const isSelected = day === selected;
          return (
            <button
              key={day}
              type="button"
              aria-pressed={isSelected}
              aria-label={describeDay(formatDayHeading(startOfLocalDay(day, timezone), timezone), items)}
              onClick={() => setSelected(day)}
              className={cn(
                "flex h-14 flex-col items-center justify-start gap-1 rounded-lg pt-1.5 text-sm transition-colors",
                day.startsWith(month) ? "text-foreground" : "text-muted-foreground/60",
                isSelected ? "bg-accent text-accent-foreground" : "hover:bg-surface-muted",
                day === today && !isSelected && "font-bold text-accent ring-1 ring-accent/50",
              )}
            >
              <span>{Number(day.slice(8))}</span>
              <span className="flex h-2 items-center gap-0.5" aria-hidden="true">
                {items.slice(0, DOTS_PER_DAY).map((item) => (
                  <span
                    key={`${item.kind}:${item.id}`}
                    className={cn("size-1.5 rounded-full", isSelected && "bg-white")}
                    style={isSelected ? undefined : { backgroundColor: colourOf(item) }}
                  />
                ))}
                {items.length > DOTS_PER_DAY ? <span className="text-[10px] leading-none">+</span> : null}
              </span>
            </button>
          );
        })}
      </div>
      <section aria-labelledby="phone-month-day" className="space-y-2">
        <h3 id="phone-month-day" className="text-sm font-semibold">
          {heading}
        </h3>
        {dayItems.length === 0 ? (
          <div className="flex items-center justify-between gap-3 rounded-lg border border-dashed p-3 text-sm text-muted-foreground">
            <span>{current ? "Nothing on this day." : "Loading…"}</span>
            <Button variant="secondary" size="sm" onClick={() => onAddOn(selected)}>
              Add on this day
            </Button>
          </div>
        ) : (
          <DayItemList items={dayItems} timezone={timezone} onOpenEvent={onOpenEvent} />
        )}
      </section>
    </div>
  );
}
