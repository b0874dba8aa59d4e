"use client";

import { Trash2 } from "lucide-react";
import { useActionState, useState } from "react";
import { deleteAccountAction } from "@/app/(app)/settings/actions";
import { useFormSubmit } from "@/components/forms/use-form-submit";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";

export function DeleteAccountForm() {
  const [state, dispatch, pending] = useActionState(deleteAccountAction, undefined);
  const onSubmit = useFormSubmit(dispatch);
  const [understood, setUnderstood] = useState(false);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-5" noValidate>
      {state && !state.ok ? <FormAlert>{errors.form ?? state.error}</FormAlert> : null}
      <div className="max-w-sm">
        <TextField id="delete-current-password" name="currentPassword" label="Your password" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      </div>
      <div className="space-y-1.5">
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            checked={understood}
            onChange={(event) => setUnderstood(event.target.checked)}
            className="mt-0.5 size-4 shrink-0 accent-red-600"
            aria-invalid={errors.confirm ? true : undefined}
            aria-describedby={errors.confirm ? "confirm-error" : undefined}
          />
          <span>I understand that my account and everything listed above will be deleted for good, and that this cannot be undone.</span>
        </label>
        {errors.confirm ? (
          <p id="confirm-error" className="text-sm text-red-600 dark:text-red-400">
            {errors.confirm}
          </p>
        ) : null}
      </div>
      <div className="flex justify-end border-t pt-5">
        <Button type="submit" variant="danger" disabled={pending || !understood}>
          <Trash2 className="size-4" aria-hidden="true" />
          {pending ? "Deleting…" : "Delete my account"}
        </Button>
      </div>
    </form>
  );
}
