"use client";

import FullCalendar, { type EventSourceFuncInfo } from "@fullcalendar/react";
import dayGridPlugin from "@fullcalendar/react/daygrid";
import interactionPlugin from "@fullcalendar/react/interaction";
import listPlugin from "@fullcalendar/react/list";
import classicThemePlugin from "@fullcalendar/react/themes/classic";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import { useCallback } from "react";
import "./calendar-theme.css";
import type { CalendarItem } from "@/lib/scheduling/queries";
import { calendarColours } from "./calendar-colours";
import { loadCalendarItems } from "./load-calendar-items";
import { MINUTE, minutesBetween } from "@/lib/time";

/**
 * In the week and day views, how much of the title fits beside the time, by length: up to 30 minutes one line holds
 * both; longer, the title gets as many whole lines as the height holds and ends in an ellipsis, never cut mid-line.
 */
function columnEventSize(start: Date | null, end: Date | null): string {
  const length = start && end ? end.getTime() - start.getTime() : 0;
  if (length <= 30 * MINUTE) return "mb-event-short";
  if (length <= 50 * MINUTE) return "mb-event-lines-2";
  if (length <= 80 * MINUTE) return "mb-event-lines-3";
  return "";
}

export interface LocalSlot {
  date: string;
  time: string;
  endDate: string;
  endTime: string;
  minutes: number;
  allDay: boolean;
}

const localParts = (value: string) => ({ date: value.slice(0, 10), time: value.length > 10 ? value.slice(11, 16) : "09:00" });

export default function CalendarView({
  timezone,
  initialDate,
  refreshKey,
  onSelectSlot,
  onMoveLesson,
  onOpenItem,
}: {
  timezone: string;
  initialDate?: string;
  refreshKey: number;
  onSelectSlot: (slot: LocalSlot) => void;
  onMoveLesson: (lessonId: string, slot: LocalSlot, revert: () => void) => void;
  onOpenItem: (item: CalendarItem) => void;
}) {
  // A new function when `refreshKey` changes makes FullCalendar fetch again, keeping the current view and date.
  const loadEvents = useCallback(
    async (info: EventSourceFuncInfo) => {
      const items = await loadCalendarItems(info.startStr, info.endStr, refreshKey);
      return items.map((item) => ({
        id: `${item.kind}:${item.id}`,
        title: item.kind === "lesson" && item.status === "cancelled" ? `${item.title} (cancelled)` : item.title,
        start: item.start,
        end: item.end,
        allDay: item.allDay,
        startEditable: item.kind === "lesson" && item.status === "scheduled" && new Date(item.start) > new Date(),
        durationEditable: false,
        color: calendarColours[item.kind === "event" ? "event" : (item.status ?? "scheduled")].colour,
        contrastColor: "#ffffff",
        className: [item.status === "cancelled" ? "mb-event-cancelled" : "", item.pendingMove ? "mb-event-moving" : ""]
          .filter(Boolean)
          .join(" "),
        extendedProps: { item },
      }));
    },
    [refreshKey],
  );

  return (
    <FullCalendar
      plugins={[classicThemePlugin, dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
      timeZone={timezone}
      initialView="timeGridWeek"
      initialDate={initialDate}
      headerToolbar={{ start: "prev,next today", center: "title", end: "dayGridMonth,timeGridWeek,timeGridDay,listWeek" }}
      buttons={{
        today: { text: "Today" },
        dayGridMonth: { text: "Month" },
        timeGridWeek: { text: "Week" },
        timeGridDay: { text: "Day" },
        listWeek: { text: "List" },
      }}
      height={720}
      firstDay={1}
      nowIndicator
      selectable
      selectMirror
      // Tall enough that a 45-minute lesson shows its time and two lines of title; a 30-minute one keeps to one line.
      slotMinHeight={34}
      eventShortHeight={40}
      slotMinTime="07:00:00"
      slotMaxTime="22:00:00"
      scrollTime="15:00:00"
      eventTimeFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
      slotHeaderFormat={{ hour: "2-digit", minute: "2-digit", hour12: false }}
      noEventsText="Nothing booked in this period."
      toolbarTitleClass="mb-toolbar-title"
      buttonClass="mb-button"
      dayHeaderInnerClass={({ isToday }) => (isToday ? "mb-day-header mb-today" : "mb-day-header")}
      slotHeaderInnerClass="mb-slot-label"
      dayCellTopInnerClass="mb-day-number"
      eventClass="mb-event"
      columnEventClass={({ event }) => columnEventSize(event.start, event.end)}
      eventTimeClass="mb-event-time"
      eventTitleClass="mb-event-title"
      listItemEventTimeClass="mb-event-time"
      listItemEventTitleClass="mb-event-title"
      listDayHeaderInnerClass="mb-list-day"
      noEventsInnerClass="mb-no-events"
      events={loadEvents}
      select={(info) => {
        const start = localParts(info.startStr);
        const end = localParts(info.endStr);
        onSelectSlot({
          ...start,
          endDate: end.date,
          endTime: end.time,
          minutes: minutesBetween(info.start, info.end),
          allDay: info.allDay,
        });
      }}
      eventDrop={(info) => {
        const item = info.event.extendedProps.item as CalendarItem;
        const start = localParts(info.event.startStr);
        onMoveLesson(item.id, { ...start, endDate: start.date, endTime: start.time, minutes: 0, allDay: false }, info.revert);
      }}
      eventClick={(info) => {
        info.jsEvent.preventDefault();
        onOpenItem(info.event.extendedProps.item as CalendarItem);
      }}
    />
  );
}
