import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { calendarEvents } from "@/db/schema";
import { invalid, type ActionResult } from "@/lib/actions";
import { addLocalDays, checkWallTime, DAY, parseLocalDateTime, zonedToUtc } from "@/lib/time";
import { eventsOf, type Viewer } from "@/lib/access";
import { NOT_FOUND } from "./answers";
import { calendarEventIdSchema, calendarEventSchema, calendarEventUpdateSchema, type CalendarEventInput } from "./schemas";

type EventTimes = { startsAt: Date; endsAt: Date; allDay: boolean };

/**
 * Start and end instants from the form's local dates and times. An all-day event covers whole days in
 * the owner's zone: from midnight of the first day to midnight after the last.
 */
function eventTimes(input: CalendarEventInput): EventTimes | Record<string, string> {
  if (input.allDay) {
    const first = parseLocalDateTime(`${input.startDate}T00:00`);
    const last = parseLocalDateTime(`${input.endDate}T00:00`);
    if (!first) return { startDate: "Enter a real date." };
    if (!last) return { endDate: "Enter a real date." };
    if (input.endDate < input.startDate) return { endDate: "The event must end on or after its first day." };
    return { startsAt: zonedToUtc(first, input.timezone), endsAt: zonedToUtc(addLocalDays(last, 1), input.timezone), allDay: true };
  }
  const start = parseLocalDateTime(`${input.startDate}T${input.startTime ?? ""}`);
  const end = parseLocalDateTime(`${input.endDate}T${input.endTime ?? ""}`);
  if (!start) return { startTime: "Enter a start date and time." };
  if (!end) return { endTime: "Enter an end date and time." };
  // An event typed from inside a spring-forward gap begins when the clocks jump: read as the lesson rule reads a
  // start (later by the gap), 01:30–02:15 on that night would end before it starts.
  const startCheck = checkWallTime(start, input.timezone);
  const startsAt = startCheck.kind === "skipped" ? startCheck.jump : zonedToUtc(start, input.timezone);
  const endsAt = zonedToUtc(end, input.timezone);
  if (endsAt <= startsAt) return { endTime: "The event must end after it starts." };
  if (endsAt.getTime() - startsAt.getTime() > 31 * DAY) return { endDate: "An event can last at most 31 days." };
  return { startsAt, endsAt, allDay: false };
}

const isTimes = (value: EventTimes | Record<string, string>): value is EventTimes => value.startsAt instanceof Date;

/** A personal event that blocks the owner's time; nobody else ever sees it. */
export async function createCalendarEvent(actor: Viewer, raw: unknown): Promise<ActionResult<{ eventId: string }>> {
  const parsed = calendarEventSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const times = eventTimes(parsed.data);
  if (!isTimes(times)) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: times };
  const [event] = await db
    .insert(calendarEvents)
    .values({ ownerId: actor.id, title: parsed.data.title, notes: parsed.data.notes ?? null, ...times })
    .returning({ id: calendarEvents.id });
  return { ok: true, message: "Event added.", data: { eventId: event!.id } };
}

export async function updateCalendarEvent(actor: Viewer, raw: unknown): Promise<ActionResult> {
  const parsed = calendarEventUpdateSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.some((issue) => issue.path[0] === "eventId") ? NOT_FOUND : invalid(parsed.error);
  const { eventId, ...input } = parsed.data;
  const times = eventTimes(input);
  if (!isTimes(times)) return { ok: false, error: "Please correct the highlighted fields.", fieldErrors: times };
  const updated = await db
    .update(calendarEvents)
    .set({ title: input.title, notes: input.notes ?? null, ...times })
    .where(and(eq(calendarEvents.id, eventId), eventsOf(actor)))
    .returning({ id: calendarEvents.id });
  return updated.length > 0 ? { ok: true, message: "Event saved." } : NOT_FOUND;
}

export async function deleteCalendarEvent(actor: Viewer, raw: unknown): Promise<ActionResult> {
  const parsed = calendarEventIdSchema.safeParse(raw);
  if (!parsed.success) return NOT_FOUND;
  const deleted = await db
    .delete(calendarEvents)
    .where(and(eq(calendarEvents.id, parsed.data.eventId), eventsOf(actor)))
    .returning({ id: calendarEvents.id });
  return deleted.length > 0 ? { ok: true, message: "Event deleted." } : NOT_FOUND;
}
