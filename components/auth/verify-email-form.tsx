"use client";

import { DoneNotice } from "@/components/auth/done-notice";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";

/** Confirming takes a click (a POST), so mail scanners that prefetch links cannot use up the token. */
export function VerifyEmailForm({ verifyEmail, token }: { verifyEmail: AnyServerAction; token: string }) {
  const { state, formAction, pending, error } = useAction(verifyEmail);

  if (state?.ok) return <DoneNotice message={state.message ?? ""} href="/dashboard" label="Go to MusBook" />;

  return (
    <form action={formAction} className="space-y-4">
      {error ? <FormAlert>{error}</FormAlert> : null}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? "Confirming…" : "Confirm my email address"}
      </Button>
    </form>
  );
}
