"use client";

import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";

/** The code step of signing in: the code, "trust this device", a throttled resend and a way back. */
export function TwoFactorForm({
  actions,
  callbackUrl,
}: {
  actions: { verify: AnyServerAction; resend: AnyServerAction; cancel: AnyServerAction };
  callbackUrl?: string;
}) {
  const verify = useAction(actions.verify);
  const resend = useAction(actions.resend);
  const cancel = useAction(actions.cancel);

  return (
    <div className="space-y-6">
      <form action={verify.formAction} className="space-y-5" noValidate>
        {verify.error ? <FormAlert>{verify.error}</FormAlert> : null}
        {resend.error ? <FormAlert>{resend.error}</FormAlert> : null}
        {resend.message ? <FormAlert tone="success">{resend.message}</FormAlert> : null}
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <TextField
          id="code"
          label="6-digit code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          autoFocus
          required
          className="h-14 text-center font-mono text-2xl tracking-[0.5em] sm:text-2xl"
          error={verify.fieldErrors.code}
        />
        <label className="flex items-start gap-3 rounded-lg border bg-surface px-3 py-3 text-sm">
          <input type="checkbox" name="trustDevice" className="mt-0.5 size-4 accent-[var(--accent)]" />
          <span>
            <span className="font-medium">Trust this device for 30 days</span>
            <span className="block text-muted-foreground">Don&rsquo;t ask for a code here again. Only on a device that is yours.</span>
          </span>
        </label>
        <Button type="submit" size="lg" className="w-full" disabled={verify.pending}>
          {verify.pending ? "Checking…" : "Verify and sign in"}
        </Button>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <form action={resend.formAction}>
          <button
            type="submit"
            disabled={resend.pending}
            className="font-medium text-accent underline-offset-2 hover:underline disabled:opacity-50"
          >
            {resend.pending ? "Sending…" : "Send a new code"}
          </button>
        </form>
        <form action={cancel.formAction}>
          <button type="submit" className="text-muted-foreground underline-offset-2 hover:text-foreground hover:underline">
            Sign in as someone else
          </button>
        </form>
      </div>
    </div>
  );
}
