"use client";

import { ShieldCheck, ShieldOff } from "lucide-react";
import { useActionState, useState } from "react";
import { confirmTwoFactorAction, disableTwoFactorAction, startTwoFactorAction } from "@/app/(app)/settings/two-factor-actions";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";

/** Two-step sign-in: on by confirming an emailed code, off with the password. */
export function TwoFactorForm({ enabled, email }: { enabled: boolean; email: string }) {
  const [sent, sendCode, sending] = useActionState(startTwoFactorAction, undefined);
  const [confirmed, confirm, confirming] = useActionState(confirmTwoFactorAction, undefined);
  const [disabled, disable, disabling] = useActionState(disableTwoFactorAction, undefined);
  const [turningOff, setTurningOff] = useState(false);

  const outcome = enabled ? confirmed : disabled;
  const awaitingCode = !enabled && sent?.ok;

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
      {outcome?.ok && outcome.message ? <FormAlert tone="success">{outcome.message}</FormAlert> : null}

      {!enabled && !awaitingCode ? (
        <form action={sendCode} className="space-y-3">
          {sent && !sent.ok ? <FormAlert>{sent.error}</FormAlert> : null}
          <Button type="submit" disabled={sending}>
            {sending ? "Sending a code…" : "Turn on two-step sign-in"}
          </Button>
        </form>
      ) : null}

      {awaitingCode ? (
        <form action={confirm} className="max-w-sm space-y-4" noValidate>
          <FormAlert tone="success">{sent.message}</FormAlert>
          {confirmed && !confirmed.ok ? <FormAlert>{confirmed.error}</FormAlert> : null}
          <TextField
            id="code"
            label="Code from the email"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            className="font-mono tracking-[0.3em]"
            error={confirmed && !confirmed.ok ? confirmed.fieldErrors?.code : undefined}
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={confirming}>
              {confirming ? "Checking…" : "Confirm and turn on"}
            </Button>
            <Button type="submit" variant="ghost" formAction={sendCode} formNoValidate disabled={sending}>
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
        <form action={disable} className="max-w-sm space-y-4" noValidate>
          {disabled && !disabled.ok ? <FormAlert>{disabled.error}</FormAlert> : null}
          <TextField
            id="two-factor-password"
            name="password"
            label="Your password"
            type="password"
            autoComplete="current-password"
            required
            error={disabled && !disabled.ok ? disabled.fieldErrors?.password : undefined}
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" variant="danger" disabled={disabling}>
              {disabling ? "Turning off…" : "Turn off"}
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
