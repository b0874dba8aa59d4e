"use client";

import { ShieldCheck, ShieldOff } from "lucide-react";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";

/** Two-step sign-in: on by confirming an emailed code, off with the password. */
export function TwoFactorForm({
  actions,
  enabled,
  email,
}: {
  actions: { start: AnyServerAction; confirm: AnyServerAction; disable: AnyServerAction };
  enabled: boolean;
  email: string;
}) {
  const start = useAction(actions.start);
  const confirm = useAction(actions.confirm);
  const disable = useAction(actions.disable);
  const [turningOff, setTurningOff] = useState(false);

  // The page re-renders with the new setting, so the answer to show is the one that changed it.
  const outcome = enabled ? confirm.message : disable.message;
  const awaitingCode = !enabled && start.state?.ok;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl bg-surface-muted px-4 py-3 text-sm">
        {enabled ? (
          <ShieldCheck className="size-4 text-emerald-600 dark:text-emerald-400" aria-hidden="true" />
        ) : (
          <ShieldOff className="size-4 text-muted-foreground" aria-hidden="true" />
        )}
        <span className="font-medium">{enabled ? "On" : "Off"}</span>
        <span className="text-muted-foreground">
          {enabled ? `Codes go to ${email}. Devices you trust skip the code for 30 days.` : "Only your password protects this account."}
        </span>
      </div>
      {outcome ? <FormAlert tone="success">{outcome}</FormAlert> : null}

      {!enabled && !awaitingCode ? (
        <form action={start.formAction} className="space-y-3">
          {start.error ? <FormAlert>{start.error}</FormAlert> : null}
          <Button type="submit" disabled={start.pending}>
            {start.pending ? "Sending a code…" : "Turn on two-step sign-in"}
          </Button>
        </form>
      ) : null}

      {awaitingCode ? (
        <form action={confirm.formAction} className="max-w-sm space-y-4" noValidate>
          <FormAlert tone="success">{start.message}</FormAlert>
          {confirm.error ? <FormAlert>{confirm.error}</FormAlert> : null}
          <TextField
            id="code"
            label="Code from the email"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            className="font-mono tracking-[0.3em]"
            error={confirm.fieldErrors.code}
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={confirm.pending}>
              {confirm.pending ? "Checking…" : "Confirm and turn on"}
            </Button>
            <Button type="submit" variant="ghost" formAction={start.formAction} formNoValidate disabled={start.pending}>
              Send a new code
            </Button>
          </div>
        </form>
      ) : null}

      {enabled && !turningOff ? (
        <Button variant="secondary" onClick={() => setTurningOff(true)}>
          Turn off two-step sign-in
        </Button>
      ) : null}

      {enabled && turningOff ? (
        <form action={disable.formAction} className="max-w-sm space-y-4" noValidate>
          {disable.error ? <FormAlert>{disable.error}</FormAlert> : null}
          <TextField
            id="two-factor-password"
            name="password"
            label="Your password"
            type="password"
            autoComplete="current-password"
            required
            error={disable.fieldErrors.password}
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" variant="danger" disabled={disable.pending}>
              {disable.pending ? "Turning off…" : "Turn off"}
            </Button>
            <Button variant="ghost" onClick={() => setTurningOff(false)}>
              Keep it on
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
