"use client";

import { Check, RotateCcw } from "lucide-react";
import { useState } from "react";
import { ActionButton } from "@/components/connections/action-button";
import { useAction } from "@/components/forms/use-action";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";
import { FormAlert, Textarea } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";
import { ASSIGNMENT_NOTE_MAX_LENGTH } from "@/lib/practice/limits";

/**
 * A button that opens a short optional note before it submits: the student's "Mark done" (note to the teacher)
 * and the teacher's "Reopen" (what to do again).
 */
function ButtonWithNote({
  action,
  assignmentId,
  field,
  label,
  noteLabel,
  placeholder,
  submitLabel,
  icon,
  variant,
}: {
  action: AnyServerAction;
  assignmentId: string;
  field: "note" | "comment";
  label: string;
  noteLabel: string;
  placeholder: string;
  submitLabel: string;
  icon: React.ReactNode;
  variant: "primary" | "secondary";
}) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const { formAction, onSubmit, pending, error, fieldErrors } = useAction(action, { onSuccess: () => setOpen(false) });
  if (!open) {
    return (
      // Until hydration a tap would do nothing, so the button says so by being disabled.
      <Button size="sm" variant={variant} disabled={!hydrated} onClick={() => setOpen(true)}>
        {icon}
        {label}
      </Button>
    );
  }
  const id = `${field}-${assignmentId}`;
  return (
    <form action={formAction} onSubmit={onSubmit} className="w-full space-y-2">
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <label htmlFor={id} className="text-sm font-medium">
        {noteLabel} <span className="font-normal text-muted-foreground">(optional)</span>
      </label>
      <Textarea id={id} name={field} compact rows={2} maxLength={ASSIGNMENT_NOTE_MAX_LENGTH} placeholder={placeholder} autoFocus />
      {error ? <FormAlert>{fieldErrors[field] ?? error}</FormAlert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function StudentAssignmentActions({
  assignmentId,
  completed,
  actions,
}: {
  assignmentId: string;
  completed: boolean;
  actions: { complete: AnyServerAction; uncomplete: AnyServerAction };
}) {
  return completed ? (
    <ActionButton action={actions.uncomplete} fields={{ assignmentId }} variant="ghost" pendingLabel="Undoing…">
      <RotateCcw className="size-4" aria-hidden="true" />
      Not done yet
    </ActionButton>
  ) : (
    <ButtonWithNote
      action={actions.complete}
      assignmentId={assignmentId}
      field="note"
      label="Mark done"
      noteLabel="Note for your teacher"
      placeholder="How did it go? Anything that was hard?"
      submitLabel="Mark done"
      icon={<Check className="size-4" aria-hidden="true" />}
      variant="primary"
    />
  );
}

export function ReopenAssignment({ assignmentId, action }: { assignmentId: string; action: AnyServerAction }) {
  return (
    <ButtonWithNote
      action={action}
      assignmentId={assignmentId}
      field="comment"
      label="Reopen"
      noteLabel="What to work on again"
      placeholder="e.g. Bars 9–16 again, slowly, with the metronome."
      submitLabel="Reopen assignment"
      icon={<RotateCcw className="size-4" aria-hidden="true" />}
      variant="secondary"
    />
  );
}
