"use client";

import { useState } from "react";
import { ActionButton } from "@/components/connections/action-button";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert, Textarea, TextField } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";
import { PRACTICE_MAX_MINUTES, PRACTICE_NOTE_MAX_LENGTH } from "@/lib/practice/limits";
import { PracticeEntryLine, type PracticeEntryView } from "./practice-entry-line";

/** One logged entry that its student can correct or delete in place. */
export function EditablePracticeEntry({
  entry,
  today,
  actions,
}: {
  entry: PracticeEntryView;
  today: string;
  actions: { update: AnyServerAction; remove: AnyServerAction };
}) {
  const [editing, setEditing] = useState(false);
  const update = useAction(actions.update, { onSuccess: () => setEditing(false) });

  if (editing) {
    return (
      <form action={update.formAction} onSubmit={update.onSubmit} className="space-y-2" aria-label="Edit practice">
        <input type="hidden" name="entryId" value={entry.id} />
        {entry.assignmentId ? <input type="hidden" name="assignmentId" value={entry.assignmentId} /> : null}
        {update.error ? <FormAlert>{update.error}</FormAlert> : null}
        <div className="grid grid-cols-2 gap-2">
          <TextField
            id={`day-${entry.id}`}
            name="practicedOn"
            label="Day"
            type="date"
            required
            max={today}
            defaultValue={entry.practicedOn}
            error={update.fieldErrors.practicedOn}
          />
          <TextField
            id={`minutes-${entry.id}`}
            name="minutes"
            label="Minutes"
            type="number"
            required
            min={1}
            max={PRACTICE_MAX_MINUTES}
            defaultValue={entry.minutes}
            error={update.fieldErrors.minutes}
          />
        </div>
        <label htmlFor={`note-${entry.id}`} className="sr-only">
          Note
        </label>
        <Textarea
          id={`note-${entry.id}`}
          name="note"
          compact
          rows={2}
          maxLength={PRACTICE_NOTE_MAX_LENGTH}
          defaultValue={entry.note ?? ""}
        />
        {update.fieldErrors.note ? <FormAlert>{update.fieldErrors.note}</FormAlert> : null}
        <div className="flex gap-2">
          <Button type="submit" size="sm" disabled={update.pending}>
            {update.pending ? "Saving…" : "Save"}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        </div>
      </form>
    );
  }

  return (
    <PracticeEntryLine entry={entry}>
      <div className="flex items-start gap-1">
        <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
          Edit
        </Button>
        <ActionButton
          action={actions.remove}
          fields={{ entryId: entry.id }}
          variant="ghost"
          confirm="Delete this entry?"
          confirmLabel="Delete"
          pendingLabel="Deleting…"
        >
          Delete
        </ActionButton>
      </div>
    </PracticeEntryLine>
  );
}
