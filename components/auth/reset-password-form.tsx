"use client";

import { useActionState } from "react";
import { resetPasswordAction } from "@/app/(auth)/reset-password/actions";
import { DoneNotice } from "@/components/auth/done-notice";
import { NewPasswordField } from "@/components/forms/new-password-field";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";

export function ResetPasswordForm({ token, name, email }: { token: string; name: string; email: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, undefined);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  if (state?.ok) return <DoneNotice message={state.message ?? ""} href="/sign-in" label="Sign in" />;

  return (
    <form action={action} className="space-y-5" noValidate>
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
      <input type="hidden" name="token" value={token} />
      {/* Unnamed, so it is not posted: it lets password managers file the new password under the right account. */}
      <input type="email" value={email} autoComplete="username" readOnly hidden />
      <NewPasswordField label="New password" personal={[name, email]} error={errors.password} />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
