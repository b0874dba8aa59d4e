"use client";

import { Plus, X } from "lucide-react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useChannelEvents } from "@/components/realtime/realtime-provider";
import { useAction } from "@/components/forms/use-action";
import { ClockChangeNotice } from "@/components/scheduling/clock-change-notice";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, FormAlert, OptionalLabel, Textarea, TextField } from "@/components/ui/field";
import { formValues, type AnyServerAction } from "@/lib/actions";
import { categoryOf, USER_CHANNEL_EVENTS, userChannel, type NotificationCreatedEvent } from "@/lib/notifications/types";
import type { CalendarItem } from "@/lib/scheduling/queries";
import { addDaysToIsoDate, formatIsoDate, utcToZoned } from "@/lib/time";
import { cn } from "@/lib/utils";
import type { LocalSlot } from "./calendar-view";
import { LessonRequestForm, type LessonFormConnection } from "./lesson-request-form";
import { PhoneMonth } from "./phone-month";
import { PhoneWeek, type InitialWeek } from "./phone-week";
import { EVENT_NOTES_MAX_LENGTH, EVENT_TITLE_MAX_LENGTH } from "@/lib/scheduling/limits";

const CalendarPlaceholder = () => <div className="h-[720px] animate-pulse rounded-xl bg-surface-muted/60" aria-hidden="true" />;

// FullCalendar is loaded only here, in the browser, and only on a wide screen; the placeholder keeps its space.
const CalendarView = dynamic(() => import("./calendar-view"), { ssr: false, loading: CalendarPlaceholder });

// Tailwind's `sm`, so the script and the stylesheet agree on what a phone is.
const WIDE_SCREEN = "(min-width: 640px)";
const subscribeToWidth = (onChange: () => void) => {
  const query = window.matchMedia(WIDE_SCREEN);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

const two = (value: number) => String(value).padStart(2, "0");

/** An hour from `time` on `date`, as a selection on the calendar would give it. */
function hourAt(date: string, hour: number): LocalSlot {
  return { date, time: `${two(hour)}:00`, endDate: date, endTime: `${two(hour + 1)}:00`, minutes: 60, allDay: false };
}

/** What "New" offers: the next whole hour today, or 09:00 tomorrow once the evening is over. */
function nextFreeHour(zone: string): LocalSlot {
  const now = new Date();
  const today = formatIsoDate(now, zone);
  const hour = utcToZoned(now, zone).hour + 1;
  if (hour > 21) return hourAt(addDaysToIsoDate(today, 1), 9);
  return hourAt(today, Math.max(hour, 9));
}

function EventForm({
  createEvent,
  slot,
  timezone,
  onDone,
}: {
  createEvent: AnyServerAction;
  slot: LocalSlot;
  timezone: string;
  onDone: () => void;
}) {
  const create = useAction(createEvent, { onSuccess: onDone });
  // Followed as typed, so a time a clock change skips or repeats is explained before the event is added.
  const [times, setTimes] = useState({ startDate: slot.date, startTime: slot.time, endDate: slot.endDate, endTime: slot.endTime });
  return (
    <form
      aria-label="Add a personal event"
      className="space-y-4"
      onChange={(event) => {
        if (!(event.target instanceof HTMLInputElement)) return;
        const { name, value } = event.target;
        if (name in times) setTimes((current) => ({ ...current, [name]: value }));
      }}
      onSubmit={(event) => {
        event.preventDefault();
        create.run({ timezone, allDay: String(slot.allDay), ...formValues(new FormData(event.currentTarget)) });
      }}
    >
      {create.error ? <FormAlert>{create.error}</FormAlert> : null}
      <TextField
        id="title"
        label="Title"
        required
        maxLength={EVENT_TITLE_MAX_LENGTH}
        error={create.fieldErrors.title}
        placeholder="e.g. Orchestra rehearsal"
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="startDate" label="Starts" type="date" required defaultValue={slot.date} error={create.fieldErrors.startDate} />
        {slot.allDay ? null : (
          <TextField id="startTime" label="at" type="time" required defaultValue={slot.time} error={create.fieldErrors.startTime} />
        )}
        <TextField
          id="endDate"
          label="Ends"
          type="date"
          required
          defaultValue={slot.allDay ? slot.date : slot.endDate}
          error={create.fieldErrors.endDate}
        />
        {slot.allDay ? null : (
          <TextField id="endTime" label="at" type="time" required defaultValue={slot.endTime} error={create.fieldErrors.endTime} />
        )}
      </div>
      {slot.allDay ? null : (
        <>
          <ClockChangeNotice
            id="event-start-clock"
            date={times.startDate}
            time={times.startTime}
            zone={timezone}
            skipped="starts-at-jump"
          />
          <ClockChangeNotice id="event-end-clock" date={times.endDate} time={times.endTime} zone={timezone} />
        </>
      )}
      <Field id="notes" label={<OptionalLabel>Notes</OptionalLabel>} error={create.fieldErrors.notes}>
        <Textarea id="notes" name="notes" maxLength={EVENT_NOTES_MAX_LENGTH} compact />
      </Field>
      <p className="text-xs text-muted-foreground">
        Only you can see personal events. They block the time when others ask you for lessons.
      </p>
      <Button type="submit" disabled={create.pending}>
        Add event
      </Button>
    </form>
  );
}

function ItemPanel({ deleteEvent, item, onDeleted }: { deleteEvent: AnyServerAction; item: CalendarItem; onDeleted: () => void }) {
  const remove = useAction(deleteEvent, { onSuccess: onDeleted });
  if (item.kind === "lesson") {
    return (
      <div className="space-y-3 text-sm">
        <p className="font-medium">{item.title}</p>
        {item.pendingMove ? <p className="text-amber-700 dark:text-amber-300">A new time has been proposed.</p> : null}
        <Link href={`/lessons/${item.id}`} className="font-medium text-accent hover:underline">
          Open the lesson
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-3 text-sm">
      <p className="font-medium">{item.title}</p>
      {item.notes ? <p className="whitespace-pre-line text-muted-foreground">{item.notes}</p> : null}
      {remove.error ? <FormAlert>{remove.error}</FormAlert> : null}
      <Button size="sm" variant="danger" disabled={remove.pending} onClick={() => remove.run({ eventId: item.id })}>
        Delete event
      </Button>
    </div>
  );
}

type Panel = { kind: "slot"; slot: LocalSlot; tab: "event" | "lesson" } | { kind: "item"; item: CalendarItem } | null;

export function CalendarHub({
  userId,
  actions,
  timezone,
  initialDate,
  connections,
  otherLabel,
  isTeacher,
  initialWeek,
}: {
  userId: string;
  actions: {
    createEvent: AnyServerAction;
    deleteEvent: AnyServerAction;
    proposeReschedule: AnyServerAction;
    requestLessons: AnyServerAction;
  };
  timezone: string;
  initialDate?: string;
  connections: LessonFormConnection[];
  otherLabel: string;
  isTeacher: boolean;
  initialWeek: InitialWeek;
}) {
  // Unknown (null) until hydrated: the server cannot see the screen, so it sends both layouts and CSS shows one.
  const wide = useSyncExternalStore(
    subscribeToWidth,
    () => window.matchMedia(WIDE_SCREEN).matches,
    () => null,
  );
  const phoneClass = wide === null ? "sm:hidden" : undefined;
  const wideClass = wide === null ? "hidden sm:block" : undefined;
  const [panel, setPanel] = useState<Panel>(null);
  const [phoneView, setPhoneView] = useState<"list" | "month">("list");
  const panelRef = useRef<HTMLElement>(null);
  // On a phone the panel opens above a long list or month: bring it into view.
  useEffect(() => {
    if (panel) panelRef.current?.scrollIntoView({ block: "nearest" });
  }, [panel]);
  const [refreshKey, setRefreshKey] = useState(0);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const refresh = () => setRefreshKey((key) => key + 1);
  // The other side's bookings, moves and cancellations arrive as lesson notifications: show them at once, and after a
  // reconnect fetch again in case one was missed while the socket was down.
  const subscribedBefore = useRef(false);
  useChannelEvents(
    userChannel(userId),
    {
      [USER_CHANNEL_EVENTS.notificationCreated]: (event: NotificationCreatedEvent) => {
        if (categoryOf(event.notification.type) === "lessons") refresh();
      },
    },
    () => {
      if (subscribedBefore.current) refresh();
      subscribedBefore.current = true;
    },
  );
  const [proposedSlot, setProposedSlot] = useState<LocalSlot | null>(null);
  const propose = useAction(actions.proposeReschedule, {
    onSuccess: (done) => {
      setNotice({
        tone: "success",
        text: `${done.message ?? "Proposal sent."} The lesson moves to ${proposedSlot?.date} ${proposedSlot?.time} once it is accepted.`,
      });
      refresh();
    },
  });
  const close = () => setPanel(null);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        {wide !== true ? (
          <p className={cn("max-w-prose text-sm text-muted-foreground", phoneClass)}>
            Tap New to add {isTeacher ? "a lesson" : "a lesson request"} or a personal event. To move a lesson, open it and propose a new
            time.
          </p>
        ) : null}
        {wide !== false ? (
          <p className={cn("max-w-prose text-sm text-muted-foreground", wideClass)}>
            Select a time to add an event or {isTeacher ? "a lesson" : "request a lesson"}. Drag one of your lessons to propose a new time.
          </p>
        ) : null}
        <div className="flex items-center gap-2">
          {wide !== true ? (
            <div role="group" aria-label="Calendar view" className={cn("inline-flex rounded-lg border bg-surface p-0.5", phoneClass)}>
              {(["list", "month"] as const).map((view) => (
                <button
                  key={view}
                  type="button"
                  disabled={wide === null}
                  aria-pressed={phoneView === view}
                  onClick={() => setPhoneView(view)}
                  className={cn(
                    "rounded-md px-3 py-1.5 text-sm font-medium",
                    phoneView === view ? "bg-accent text-accent-foreground" : "text-muted-foreground hover:text-foreground",
                  )}
                >
                  {view === "list" ? "List" : "Month"}
                </button>
              ))}
            </div>
          ) : null}
          <Button size="sm" onClick={() => setPanel({ kind: "slot", slot: nextFreeHour(timezone), tab: "lesson" })}>
            <Plus className="size-4" aria-hidden="true" /> New
          </Button>
        </div>
      </div>
      {notice ? <FormAlert tone={notice.tone}>{notice.text}</FormAlert> : null}
      {panel ? (
        <Card ref={panelRef} className="scroll-mt-20">
          <CardHeader>
            <CardTitle>{panel.kind === "item" ? (panel.item.kind === "lesson" ? "Lesson" : "Personal event") : "New"}</CardTitle>
            <Button variant="ghost" size="sm" onClick={close} aria-label="Close">
              <X className="size-4" aria-hidden="true" />
            </Button>
          </CardHeader>
          <CardBody>
            {panel.kind === "item" ? (
              <ItemPanel deleteEvent={actions.deleteEvent} item={panel.item} onDeleted={() => (close(), refresh())} />
            ) : (
              <div className="space-y-4">
                <div role="tablist" className="inline-flex rounded-lg border bg-surface p-0.5">
                  {(["lesson", "event"] as const).map((tab) => (
                    <button
                      key={tab}
                      type="button"
                      role="tab"
                      aria-selected={panel.tab === tab}
                      onClick={() => setPanel({ ...panel, tab })}
                      className={cn(
                        "rounded-md px-3 py-1.5 text-sm font-medium",
                        panel.tab === tab ? "bg-accent text-accent-foreground" : "text-muted-foreground hover:text-foreground",
                      )}
                    >
                      {tab === "lesson" ? (isTeacher ? "Lesson" : "Lesson request") : "Personal event"}
                    </button>
                  ))}
                </div>
                {panel.tab === "lesson" ? (
                  <LessonRequestForm
                    requestLessons={actions.requestLessons}
                    connections={connections}
                    timezone={timezone}
                    otherLabel={otherLabel}
                    isTeacher={isTeacher}
                    defaults={{
                      date: panel.slot.date,
                      time: panel.slot.time,
                      durationMinutes: panel.slot.allDay ? undefined : Math.min(240, Math.max(15, panel.slot.minutes)),
                    }}
                    onDone={(message) => (close(), refresh(), setNotice({ tone: "success", text: message ?? "Request sent." }))}
                  />
                ) : (
                  <EventForm
                    createEvent={actions.createEvent}
                    slot={panel.slot}
                    timezone={timezone}
                    onDone={() => (close(), refresh(), setNotice({ tone: "success", text: "Event added." }))}
                  />
                )}
              </div>
            )}
          </CardBody>
        </Card>
      ) : null}
      <div className="mb-calendar overflow-hidden rounded-2xl border bg-surface p-3 shadow-sm sm:p-4" aria-busy={propose.pending}>
        {wide !== true ? (
          <div className={phoneClass}>
            {phoneView === "month" ? (
              <PhoneMonth
                timezone={timezone}
                initialDate={initialDate}
                refreshKey={refreshKey}
                onOpenEvent={(item) => setPanel({ kind: "item", item })}
                onAddOn={(date) => setPanel({ kind: "slot", slot: hourAt(date, 17), tab: "lesson" })}
              />
            ) : (
              <PhoneWeek
                timezone={timezone}
                initialWeek={initialWeek}
                refreshKey={refreshKey}
                onOpenEvent={(item) => setPanel({ kind: "item", item })}
              />
            )}
          </div>
        ) : null}
        {wide === null ? (
          <div className={wideClass}>
            <CalendarPlaceholder />
          </div>
        ) : null}
        {wide ? (
          <CalendarView
            timezone={timezone}
            initialDate={initialDate}
            refreshKey={refreshKey}
            onSelectSlot={(slot) => setPanel({ kind: "slot", slot, tab: "lesson" })}
            onOpenItem={(item) => setPanel({ kind: "item", item })}
            onMoveLesson={(lessonId, slot, revert) => {
              // The lesson only moves once the other party accepts: put it back and mark the proposal.
              revert();
              setProposedSlot(slot);
              propose.run({ lessonId, date: slot.date, time: slot.time, timezone });
            }}
          />
        ) : null}
      </div>
      {propose.error ? <FormAlert>{propose.error}</FormAlert> : null}
    </div>
  );
}
