"use client";

import { CheckCircle2 } from "lucide-react";
import { useActionState } from "react";
import { verifyEmailAction } from "@/app/(auth)/verify-email/actions";
import { Button, ButtonLink } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";

/** Confirming takes a click (a POST), so mail scanners that prefetch links cannot use up the token. */
export function VerifyEmailForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(verifyEmailAction, undefined);

  if (state?.ok) {
    return (
      <div className="space-y-4 text-center" role="status">
        <CheckCircle2 className="mx-auto size-12 text-emerald-600" aria-hidden="true" />
        <p className="text-lg font-semibold">{state.message}</p>
        <ButtonLink href="/dashboard" size="lg" className="w-full">
          Go to MusBook
        </ButtonLink>
      </div>
    );
  }

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
