"use client";

import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert, Textarea } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";
import { NOTE_MAX_LENGTH } from "@/lib/connections/limits";
import { ActionButton } from "./action-button";

export function NoteComposer({ addNote, connectionId }: { addNote: AnyServerAction; connectionId: string }) {
  const [body, setBody] = useState("");
  const add = useAction(addNote, { onSuccess: () => setBody("") });
  const error = add.fieldErrors.body ?? add.error;
  return (
    <form action={add.formAction} className="space-y-2">
      <input type="hidden" name="connectionId" value={connectionId} />
      <label htmlFor="new-note" className="sr-only">
        New private note
      </label>
      <Textarea
        id="new-note"
        name="body"
        value={body}
        onChange={(event) => setBody(event.target.value)}
        rows={3}
        maxLength={NOTE_MAX_LENGTH}
        placeholder="What to remember about this student: progress, goals, things to bring up…"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "new-note-error" : undefined}
      />
      {error ? (
        <p id="new-note-error" role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex items-center justify-between gap-3">
        <p className="text-xs text-muted-foreground">Only you can see your notes.</p>
        <Button type="submit" size="sm" disabled={add.pending}>
          {add.pending ? "Saving…" : "Add note"}
        </Button>
      </div>
    </form>
  );
}

/** A saved note: its text (as text, never HTML), when it was written, and edit/delete in place. */
export function NoteItem({
  actions,
  id,
  body,
  writtenLabel,
}: {
  actions: { update: AnyServerAction; remove: AnyServerAction };
  id: string;
  body: string;
  writtenLabel: string;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(body);
  const update = useAction(actions.update, { onSuccess: () => setEditing(false) });

  if (editing) {
    return (
      <form action={update.formAction} className="space-y-2">
        <input type="hidden" name="noteId" value={id} />
        <label htmlFor={`note-${id}`} className="sr-only">
          Edit note
        </label>
        <Textarea
          id={`note-${id}`}
          name="body"
          rows={4}
          maxLength={NOTE_MAX_LENGTH}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          autoFocus
        />
        {update.error ? <FormAlert>{update.fieldErrors.body ?? update.error}</FormAlert> : null}
        <div className="flex gap-2">
          <Button type="submit" size="sm" disabled={update.pending}>
            {update.pending ? "Saving…" : "Save"}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setDraft(body);
              setEditing(false);
            }}
          >
            Cancel
          </Button>
        </div>
      </form>
    );
  }
  return (
    <article className="group space-y-2">
      <p className="whitespace-pre-line break-words text-sm">{body}</p>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground">{writtenLabel}</p>
        <div className="flex items-start gap-1">
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
            Edit
          </Button>
          <ActionButton
            action={actions.remove}
            fields={{ noteId: id }}
            variant="ghost"
            confirm="Delete this note?"
            confirmLabel="Delete"
            pendingLabel="Deleting…"
          >
            Delete
          </ActionButton>
        </div>
      </div>
    </article>
  );
}
