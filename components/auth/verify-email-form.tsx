"use client";

import { useActionState } from "react";
import { verifyEmailAction } from "@/app/(auth)/verify-email/actions";
import { DoneNotice } from "@/components/auth/done-notice";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";

/** Confirming takes a click (a POST), so mail scanners that prefetch links cannot use up the token. */
export function VerifyEmailForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(verifyEmailAction, undefined);

  if (state?.ok) return <DoneNotice message={state.message ?? ""} href="/dashboard" label="Go to MusBook" />;

  return (
    <form action={action} className="space-y-4">
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? "Confirming…" : "Confirm my email address"}
      </Button>
    </form>
  );
}
