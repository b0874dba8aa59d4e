"use client";

import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert, Input } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";
import { PRACTICE_GOAL_MAX_MINUTES } from "@/lib/practice/limits";

/** The teacher's weekly target for one student; an empty box removes it. */
export function PracticeGoalForm({
  action,
  connectionId,
  minutes,
}: {
  action: AnyServerAction;
  connectionId: string;
  minutes: number | null;
}) {
  const { formAction, onSubmit, pending, error, fieldErrors, message } = useAction(action);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2" aria-label="Weekly practice goal">
      <input type="hidden" name="connectionId" value={connectionId} />
      <label htmlFor="goal-minutes" className="text-sm font-medium">
        Weekly goal (minutes)
      </label>
      <div className="flex gap-2">
        <Input
          id="goal-minutes"
          name="minutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={PRACTICE_GOAL_MAX_MINUTES}
          defaultValue={minutes ?? ""}
          placeholder="No goal"
          compact
          className="max-w-32"
          aria-invalid={fieldErrors.minutes ? true : undefined}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save goal"}
        </Button>
      </div>
      {error ? <FormAlert>{fieldErrors.minutes ?? error}</FormAlert> : null}
      {message ? <FormAlert tone="success">{message}</FormAlert> : null}
    </form>
  );
}
