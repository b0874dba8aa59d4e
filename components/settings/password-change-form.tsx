"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/app/(app)/settings/actions";
import { NewPasswordField } from "@/components/forms/new-password-field";
import { useFormSubmit } from "@/components/forms/use-form-submit";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";

/** On success the action signs this browser in again and reloads the page with a notice. */
export function PasswordChangeForm({ personal }: { personal: string[] }) {
  const [state, dispatch, pending] = useActionState(changePasswordAction, undefined);
  const onSubmit = useFormSubmit(dispatch);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-5" noValidate>
      {state && !state.ok ? <FormAlert>{errors.form ?? state.error}</FormAlert> : null}
      <div className="grid gap-5 sm:grid-cols-2 sm:items-start">
        <TextField id="password-current-password" name="currentPassword" label="Current password" type="password" autoComplete="current-password" required error={errors.currentPassword} />
        <NewPasswordField id="newPassword" label="New password" personal={personal} error={errors.newPassword} />
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
