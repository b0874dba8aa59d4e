"use client";

import { useActionState } from "react";
import { cancelSignInAction, resendSignInCodeAction, verifySignInCodeAction } from "@/app/(auth)/sign-in/verify/actions";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";

/** The code step of signing in: the code, "trust this device", a throttled resend and a way back. */
export function TwoFactorForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, verify, verifying] = useActionState(verifySignInCodeAction, undefined);
  const [resent, resend, resending] = useActionState(resendSignInCodeAction, undefined);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};

  return (
    <div className="space-y-6">
      <form action={verify} className="space-y-5" noValidate>
        {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
        {resent ? <FormAlert tone={resent.ok ? "success" : "error"}>{resent.ok ? resent.message : resent.error}</FormAlert> : null}
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
          error={errors.code}
        />
        <label className="flex items-start gap-3 rounded-lg border bg-surface px-3 py-3 text-sm">
          <input type="checkbox" name="trustDevice" className="mt-0.5 size-4 accent-[var(--accent)]" />
          <span>
            <span className="font-medium">Trust this device for 30 days</span>
            <span className="block text-muted-foreground">Don&rsquo;t ask for a code here again. Only on a device that is yours.</span>
          </span>
        </label>
        <Button type="submit" size="lg" className="w-full" disabled={verifying}>
          {verifying ? "Checking…" : "Verify and sign in"}
        </Button>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <form action={resend}>
          <button type="submit" disabled={resending} className="font-medium text-accent underline-offset-2 hover:underline disabled:opacity-50">
            {resending ? "Sending…" : "Send a new code"}
          </button>
        </form>
        <form action={cancelSignInAction}>
          <button type="submit" className="text-muted-foreground underline-offset-2 hover:text-foreground hover:underline">
            Sign in as someone else
          </button>
        </form>
      </div>
    </div>
  );
}
