import { z } from "zod";
import { calendarDate } from "@/lib/time/schemas";
import { idField } from "@/lib/access/ids";
import { multiLineText, nullableText, requiredText, singleLineText } from "@/lib/text";
import {
  ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH,
  ASSIGNMENT_NOTE_MAX_LENGTH,
  ASSIGNMENT_TITLE_MAX_LENGTH,
  PRACTICE_GOAL_MAX_MINUTES,
  PRACTICE_MAX_MINUTES,
  PRACTICE_NOTE_MAX_LENGTH,
} from "./limits";

const connectionId = idField("Choose one of your students.");
const assignmentId = idField("We couldn't find that assignment.");
const entryId = idField("We couldn't find that practice entry.");
const date = calendarDate();
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time.");

/** Form values are strings: an empty optional field means "not given". */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const assignmentFields = {
  title: requiredText(singleLineText("The title", ASSIGNMENT_TITLE_MAX_LENGTH), "Give the assignment a title."),
  instructions: nullableText(multiLineText("The instructions", ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH)),
  dueDate: z.preprocess(blankToUndefined, date.optional()),
  dueTime: z.preprocess(blankToUndefined, clock.optional()),
  lessonId: z.preprocess(blankToUndefined, idField("Choose one of this student's lessons.").optional()),
};

type DueFields = { dueDate?: string; dueTime?: string };

/** The due moment is a wall time in the teacher's zone; a date alone is due at the end of that day. */
const refineDue = (input: DueFields, context: z.RefinementCtx) => {
  if (input.dueTime !== undefined && input.dueDate === undefined)
    context.addIssue({ code: "custom", path: ["dueDate"], message: "Choose a due date for that time." });
};

export const createAssignmentSchema = z.strictObject({ connectionId, ...assignmentFields }).superRefine(refineDue);
export const updateAssignmentSchema = z.strictObject({ assignmentId, ...assignmentFields }).superRefine(refineDue);
export const assignmentRefSchema = z.strictObject({ assignmentId });

export const completeAssignmentSchema = z.strictObject({
  assignmentId,
  note: nullableText(multiLineText("The note", ASSIGNMENT_NOTE_MAX_LENGTH)),
});

export const reopenAssignmentSchema = z.strictObject({
  assignmentId,
  comment: nullableText(multiLineText("The comment", ASSIGNMENT_NOTE_MAX_LENGTH)),
});

const practiceFields = {
  practicedOn: date,
  minutes: z.coerce
    .number({ error: "Enter the minutes you practised." })
    .int("Enter whole minutes.")
    .min(1, "Enter at least 1 minute.")
    .max(PRACTICE_MAX_MINUTES, `Log at most ${PRACTICE_MAX_MINUTES} minutes in one entry.`),
  assignmentId: z.preprocess(blankToUndefined, assignmentId.optional()),
  note: nullableText(multiLineText("The note", PRACTICE_NOTE_MAX_LENGTH)),
};

export const logPracticeSchema = z.strictObject({ connectionId: idField("Choose one of your teachers."), ...practiceFields });
export const updatePracticeSchema = z.strictObject({ entryId, ...practiceFields });
export const practiceRefSchema = z.strictObject({ entryId });

export const practiceGoalSchema = z.strictObject({
  connectionId,
  minutes: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Enter minutes per week." })
      .int("Enter whole minutes.")
      .min(1, "Enter at least 1 minute, or leave it empty for no goal.")
      .max(PRACTICE_GOAL_MAX_MINUTES, `A weekly goal is at most ${PRACTICE_GOAL_MAX_MINUTES.toLocaleString("en-GB")} minutes.`)
      .optional(),
  ),
});

export const assignmentListQuerySchema = z.object({
  student: z.preprocess(blankToUndefined, idField().optional()).catch(undefined),
});
