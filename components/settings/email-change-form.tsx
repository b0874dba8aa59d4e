"use client";

import { useActionState, useEffect, useRef } from "react";
import { requestEmailChangeAction } from "@/app/(app)/settings/actions";
import { useFormSubmit } from "@/components/forms/use-form-submit";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";

export function EmailChangeForm() {
  const [state, dispatch, pending] = useActionState(requestEmailChangeAction, undefined);
  const onSubmit = useFormSubmit(dispatch);
  const form = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);

  return (
    <form ref={form} action={dispatch} onSubmit={onSubmit} className="space-y-5" noValidate>
      {state ? <FormAlert tone={state.ok ? "success" : "error"}>{state.ok ? state.message : (errors.form ?? state.error)}</FormAlert> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField id="newEmail" label="New email address" type="email" autoComplete="email" required error={errors.newEmail} />
        <TextField id="email-current-password" name="currentPassword" label="Current password" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      </div>
      <div className="flex justify-end">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Sending…" : "Send confirmation link"}
        </Button>
      </div>
    </form>
  );
}
