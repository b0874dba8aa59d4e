"use client";

import { Plus } from "lucide-react";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, OptionalLabel, Select, Textarea, TextField } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";
import { PRACTICE_MAX_MINUTES, PRACTICE_NOTE_MAX_LENGTH } from "@/lib/practice/limits";

const PRESET_MINUTES = [10, 20, 30, 45, 60] as const;

export interface PracticeTarget {
  connectionId: string;
  teacherName: string;
}

/**
 * Logging practice in one tap: a preset button logs today's minutes for the chosen teacher (and assignment, when the
 * form belongs to one). "Other" opens the full form: another day, any minutes, an assignment and a note.
 */
export function PracticeLogForm({
  action,
  teachers,
  assignments = [],
  assignmentId,
  today,
}: {
  action: AnyServerAction;
  teachers: PracticeTarget[];
  assignments?: { id: string; title: string; connectionId: string }[];
  assignmentId?: string;
  today: string;
}) {
  const [connectionId, setConnectionId] = useState(teachers[0]?.connectionId ?? "");
  const [detailed, setDetailed] = useState(false);
  const quick = useAction(action);
  const full = useAction(action, { onSuccess: () => setDetailed(false) });
  const message = quick.message ?? full.message;
  const forTeacher = assignments.filter((assignment) => assignment.connectionId === connectionId);

  return (
    <div className="space-y-3">
      {teachers.length > 1 ? (
        <Field id="practice-teacher" label="Practice for">
          <Select id="practice-teacher" value={connectionId} onChange={(event) => setConnectionId(event.target.value)}>
            {teachers.map((teacher) => (
              <option key={teacher.connectionId} value={teacher.connectionId}>
                {teacher.teacherName}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <form action={quick.formAction} aria-label="Log today's practice" className="space-y-2">
        <input type="hidden" name="connectionId" value={connectionId} />
        <input type="hidden" name="practicedOn" value={today} />
        {assignmentId ? <input type="hidden" name="assignmentId" value={assignmentId} /> : null}
        <p className="text-sm font-medium">Practised today</p>
        <div className="flex flex-wrap gap-2">
          {PRESET_MINUTES.map((minutes) => (
            <Button
              key={minutes}
              type="submit"
              name="minutes"
              value={String(minutes)}
              variant="secondary"
              size="sm"
              disabled={quick.pending}
            >
              {minutes} min
            </Button>
          ))}
          <Button variant="ghost" size="sm" onClick={() => setDetailed((open) => !open)} aria-expanded={detailed}>
            <Plus className="size-4" aria-hidden="true" />
            Other
          </Button>
        </div>
        {quick.error ? <FormAlert>{quick.error}</FormAlert> : null}
      </form>
      {detailed ? (
        <form
          action={full.formAction}
          onSubmit={full.onSubmit}
          aria-label="Log practice"
          className="space-y-3 rounded-xl border p-3"
          noValidate
        >
          <input type="hidden" name="connectionId" value={connectionId} />
          {full.error ? <FormAlert>{full.error}</FormAlert> : null}
          <div className="grid grid-cols-2 gap-3">
            <TextField
              id="practicedOn"
              label="Day"
              type="date"
              required
              max={today}
              defaultValue={today}
              error={full.fieldErrors.practicedOn}
            />
            <TextField
              id="minutes"
              label="Minutes"
              type="number"
              inputMode="numeric"
              required
              min={1}
              max={PRACTICE_MAX_MINUTES}
              defaultValue={30}
              error={full.fieldErrors.minutes}
            />
          </div>
          {assignmentId ? (
            <input type="hidden" name="assignmentId" value={assignmentId} />
          ) : forTeacher.length > 0 ? (
            <Field id="assignmentId" label={<OptionalLabel>Assignment</OptionalLabel>} error={full.fieldErrors.assignmentId}>
              <Select id="assignmentId" name="assignmentId" defaultValue="">
                <option value="">General practice</option>
                {forTeacher.map((assignment) => (
                  <option key={assignment.id} value={assignment.id}>
                    {assignment.title}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          <Field id="practice-note" label={<OptionalLabel>Note</OptionalLabel>} error={full.fieldErrors.note}>
            <Textarea
              id="practice-note"
              name="note"
              compact
              rows={2}
              maxLength={PRACTICE_NOTE_MAX_LENGTH}
              placeholder="What went well, what to fix next time"
            />
          </Field>
          <Button type="submit" size="sm" disabled={full.pending}>
            {full.pending ? "Saving…" : "Log practice"}
          </Button>
        </form>
      ) : null}
      {message ? <FormAlert tone="success">{message}</FormAlert> : null}
    </div>
  );
}
