"use client";

import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, OptionalLabel, Select, Textarea, TextField } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";
import { ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH, ASSIGNMENT_TITLE_MAX_LENGTH } from "@/lib/practice/limits";
import { zoneLabel } from "@/lib/time";

export interface AssignmentFormValues {
  assignmentId?: string;
  connectionId?: string;
  lessonId?: string | null;
  title?: string;
  instructions?: string | null;
  dueDate?: string;
  dueTime?: string;
}

/** Sets a new assignment (choosing the student) or edits one; the due time is typed in the teacher's zone, which it names. */
export function AssignmentForm({
  action,
  students,
  values = {},
  timezone,
  submitLabel,
  onDone,
  onCancel,
}: {
  action: AnyServerAction;
  students?: { id: string; name: string }[];
  values?: AssignmentFormValues;
  timezone: string;
  submitLabel: string;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const { formAction, onSubmit, pending, error, fieldErrors } = useAction(action, { onSuccess: onDone });
  const describe = (field: string) => (fieldErrors[field] ? { "aria-invalid": true, "aria-describedby": `${field}-error` } : {});
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" aria-label={submitLabel}>
      {error ? <FormAlert>{error}</FormAlert> : null}
      {values.assignmentId ? <input type="hidden" name="assignmentId" value={values.assignmentId} /> : null}
      {values.lessonId ? <input type="hidden" name="lessonId" value={values.lessonId} /> : null}
      {students ? (
        <Field id="connectionId" label="Student" error={fieldErrors.connectionId}>
          <Select id="connectionId" name="connectionId" defaultValue={values.connectionId ?? students[0]?.id} {...describe("connectionId")}>
            {students.map((student) => (
              <option key={student.id} value={student.id}>
                {student.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <TextField
        id="title"
        label="Title"
        required
        maxLength={ASSIGNMENT_TITLE_MAX_LENGTH}
        defaultValue={values.title}
        placeholder="e.g. Scales: C, G and D major, hands together"
        error={fieldErrors.title}
      />
      <Field
        id="instructions"
        label={<OptionalLabel>Instructions</OptionalLabel>}
        error={fieldErrors.instructions}
        hint="Links to recordings or sheet music become clickable."
      >
        <Textarea
          id="instructions"
          name="instructions"
          rows={6}
          maxLength={ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH}
          defaultValue={values.instructions ?? ""}
          placeholder="What to practise, how, and how often."
          {...describe("instructions")}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="dueDate"
          label={<OptionalLabel>Due date</OptionalLabel>}
          type="date"
          defaultValue={values.dueDate}
          error={fieldErrors.dueDate}
        />
        <TextField
          id="dueTime"
          label={<OptionalLabel>Due time</OptionalLabel>}
          type="time"
          defaultValue={values.dueTime}
          error={fieldErrors.dueTime}
          hint={`End of the day if empty. Your time: ${zoneLabel(timezone)}`}
        />
      </div>
      {fieldErrors.lessonId ? <FormAlert>{fieldErrors.lessonId}</FormAlert> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
