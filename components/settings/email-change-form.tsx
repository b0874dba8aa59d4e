"use client";

import { useRef } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";

export function EmailChangeForm({ requestEmailChange }: { requestEmailChange: AnyServerAction }) {
  const form = useRef<HTMLFormElement>(null);
  const {
    formAction,
    onSubmit,
    pending,
    error,
    message,
    fieldErrors: errors,
  } = useAction(requestEmailChange, { onSuccess: () => form.current?.reset() });

  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className="space-y-5" noValidate>
      {error ? <FormAlert>{errors.form ?? error}</FormAlert> : null}
      {message ? <FormAlert tone="success">{message}</FormAlert> : null}
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField id="newEmail" label="New email address" type="email" autoComplete="email" required error={errors.newEmail} />
        <TextField
          id="email-current-password"
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
      </div>
      <div className="flex justify-end">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Sending…" : "Send confirmation link"}
        </Button>
      </div>
    </form>
  );
}
