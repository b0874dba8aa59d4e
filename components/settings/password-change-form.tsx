"use client";

import { useEffect, useRef } from "react";
import { NewPasswordField } from "@/components/forms/new-password-field";
import { useAction } from "@/components/forms/use-action";
import { announceSessionRenewal } from "@/components/shell/session-ending";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";

/**
 * On success the action signs this browser in again and reloads the page with a notice. Meanwhile the tab's own
 * background requests wait: the change ends this session too, a moment before the new one arrives.
 */
export function PasswordChangeForm({ changePassword, personal }: { changePassword: AnyServerAction; personal: string[] }) {
  const resume = useRef<(() => void) | null>(null);
  const { formAction, onSubmit, pending, error, fieldErrors: errors, state } = useAction(changePassword);
  useEffect(() => {
    if (state && !state.ok) resume.current?.();
  }, [state]);

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        resume.current = announceSessionRenewal();
        onSubmit(event);
      }}
      className="space-y-5"
      noValidate
    >
      {error ? <FormAlert>{errors.form ?? error}</FormAlert> : null}
      <div className="grid gap-5 sm:grid-cols-2 sm:items-start">
        <TextField
          id="password-current-password"
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
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
