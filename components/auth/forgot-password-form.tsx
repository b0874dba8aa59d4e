"use client";

import Link from "next/link";
import { CheckInbox } from "@/components/auth/check-inbox";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";

export function ForgotPasswordForm({ requestReset }: { requestReset: AnyServerAction }) {
  const { state, formAction, pending, error, fieldErrors: errors } = useAction(requestReset);

  if (state?.ok) {
    return (
      <CheckInbox continueLabel="Back to sign in">
        {state.message} The link works once, for 30 minutes. Nothing there? Check your spam folder.
      </CheckInbox>
    );
  }

  return (
    <form action={formAction} className="space-y-5" noValidate>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <TextField id="email" label="Email" type="email" autoComplete="email" required error={errors.email} />
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send me a reset link"}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-medium text-accent underline-offset-2 hover:underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
