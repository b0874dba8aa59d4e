"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";

export function DeleteAccountForm({ deleteAccount }: { deleteAccount: AnyServerAction }) {
  const { formAction, onSubmit, pending, error, fieldErrors: errors } = useAction(deleteAccount);
  const [understood, setUnderstood] = useState(false);

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-5" noValidate>
      {error ? <FormAlert>{errors.form ?? error}</FormAlert> : null}
      <div className="max-w-sm">
        <TextField
          id="delete-current-password"
          name="currentPassword"
          label="Your password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
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
