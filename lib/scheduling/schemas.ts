import { z } from "zod";
import { attendanceValues } from "@/db/schema";
import { multiLineText, optionalText, requiredText, singleLineText } from "@/lib/text";
import { idField } from "@/lib/access/ids";
import { isValidTimeZone } from "@/lib/time";
import { calendarDate } from "@/lib/time/schemas";
import { EVENT_NOTES_MAX_LENGTH, EVENT_TITLE_MAX_LENGTH, LOCATION_MAX_LENGTH, REASON_MAX_LENGTH, REQUEST_NOTE_MAX_LENGTH } from "./limits";

/** Limits on what can be booked: clear errors instead of absurd rows. */
export const SCHEDULING_LIMITS = {
  minMinutes: 15,
  maxMinutes: 240,
  maxOccurrences: 52,
  horizonDays: 366,
} as const;

const uuid = idField();
const zone = z.string().refine(isValidTimeZone, "Choose a valid time zone.");
const date = calendarDate();
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time.");
/** A checkbox: forms send "on" (or nothing), code sends booleans. */
const checkbox = z.preprocess((value) => value === true || value === "true" || value === "on", z.boolean());
const optionalReason = optionalText(multiLineText("The reason", REASON_MAX_LENGTH));

/** Form values are strings: numbers are coerced explicitly, empty optional fields mean "not given". */
const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const lessonLength = z.coerce
  .number({ error: "Enter a length in minutes." })
  .int("Enter whole minutes.")
  .min(SCHEDULING_LIMITS.minMinutes, `Lessons are at least ${SCHEDULING_LIMITS.minMinutes} minutes.`)
  .max(SCHEDULING_LIMITS.maxMinutes, `Lessons are at most ${SCHEDULING_LIMITS.maxMinutes} minutes.`);

export const lessonRequestSchema = z
  .strictObject({
    connectionId: uuid,
    date,
    time: clock,
    durationMinutes: lessonLength,
    timezone: zone,
    repeat: z.enum(["none", "weekly", "fortnightly"]).default("none"),
    occurrences: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number()
        .int("Enter a whole number of lessons.")
        .min(2, "A series has at least 2 lessons.")
        .max(SCHEDULING_LIMITS.maxOccurrences, `A series has at most ${SCHEDULING_LIMITS.maxOccurrences} lessons.`)
        .optional(),
    ),
    untilDate: z.preprocess(emptyToUndefined, date.optional()),
    location: optionalText(singleLineText("The location", LOCATION_MAX_LENGTH)),
    note: optionalText(multiLineText("The note", REQUEST_NOTE_MAX_LENGTH)),
    /** A teacher booking directly: leave out the dates that clash instead of refusing the booking. */
    skipClashes: checkbox,
  })
  .superRefine((input, context) => {
    if (input.repeat === "none") {
      if (input.occurrences !== undefined || input.untilDate !== undefined)
        context.addIssue({ code: "custom", path: ["repeat"], message: "Choose weekly or fortnightly to repeat." });
      return;
    }
    if ((input.occurrences === undefined) === (input.untilDate === undefined))
      context.addIssue({ code: "custom", path: ["occurrences"], message: "Give either a number of lessons or an end date." });
  });
export type LessonRequestInput = z.output<typeof lessonRequestSchema>;

/** The most students one term booking covers: a busy studio's whole week. */
export const TERM_MAX_STUDENTS = 60;

/** A teacher's weekly slot for each of several students over one term, typed in the teacher's zone. */
export const termSchema = z
  .strictObject({
    timezone: zone,
    startDate: date,
    endDate: date,
    location: optionalText(singleLineText("The location", LOCATION_MAX_LENGTH)),
    skipClashes: checkbox,
    students: z
      .array(
        z.strictObject({
          connectionId: uuid,
          weekday: z.coerce.number().int().min(1, "Choose a day.").max(7, "Choose a day."),
          time: clock,
          durationMinutes: lessonLength,
        }),
      )
      .min(1, "Choose at least one student.")
      .max(TERM_MAX_STUDENTS, `Book at most ${TERM_MAX_STUDENTS} students at once.`),
  })
  .superRefine((input, context) => {
    if (input.endDate < input.startDate)
      context.addIssue({ code: "custom", path: ["endDate"], message: "The term ends before it starts." });
    const ids = input.students.map((student) => student.connectionId);
    if (new Set(ids).size !== ids.length) context.addIssue({ code: "custom", path: ["students"], message: "Each student once, please." });
  });
export type TermInput = z.output<typeof termSchema>;

export const requestIdSchema = z.strictObject({ requestId: uuid });

export const approveRequestSchema = z.strictObject({
  requestId: uuid,
  /** Start instants (ISO) of occurrences the approver chose to leave out, e.g. because they clash. */
  skip: z
    .array(z.iso.datetime({ offset: true }))
    .max(SCHEDULING_LIMITS.maxOccurrences)
    .default([]),
});

export const declineRequestSchema = z.strictObject({ requestId: uuid, reason: optionalReason });

export const proposeRescheduleSchema = z.strictObject({ lessonId: uuid, date, time: clock, timezone: zone, reason: optionalReason });

export const rescheduleIdSchema = z.strictObject({ rescheduleId: uuid });

export const cancelLessonSchema = z.strictObject({
  lessonId: uuid,
  reason: requiredText(multiLineText("The reason", REASON_MAX_LENGTH), "Say why the lesson is cancelled."),
});

export const attendanceSchema = z.strictObject({
  lessonId: uuid,
  attendance: z.enum(attendanceValues, "Choose present, absent, late or excused."),
});

const eventFields = {
  title: requiredText(singleLineText("The title", EVENT_TITLE_MAX_LENGTH), "Give the event a title."),
  timezone: zone,
  allDay: checkbox.default(false),
  startDate: date,
  startTime: z.preprocess(emptyToUndefined, clock.optional()),
  endDate: date,
  endTime: z.preprocess(emptyToUndefined, clock.optional()),
  notes: optionalText(multiLineText("Notes", EVENT_NOTES_MAX_LENGTH)),
};

export const calendarEventSchema = z.strictObject(eventFields);
export const calendarEventUpdateSchema = z.strictObject({ eventId: uuid, ...eventFields });
export const calendarEventIdSchema = z.strictObject({ eventId: uuid });
export type CalendarEventInput = z.output<typeof calendarEventSchema>;
