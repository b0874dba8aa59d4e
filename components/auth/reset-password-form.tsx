"use client";

import { DoneNotice } from "@/components/auth/done-notice";
import { NewPasswordField } from "@/components/forms/new-password-field";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";

export function ResetPasswordForm({
  resetPassword,
  token,
  name,
  email,
}: {
  resetPassword: AnyServerAction;
  token: string;
  name: string;
  email: string;
}) {
  const { state, formAction, pending, error, fieldErrors: errors } = useAction(resetPassword);

  if (state?.ok) return <DoneNotice message={state.message ?? ""} href="/sign-in" label="Sign in" />;

  return (
    <form action={formAction} className="space-y-5" noValidate>
      {error ? <FormAlert>{error}</FormAlert> : null}
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
