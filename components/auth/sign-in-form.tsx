"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/sign-in/actions";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState(signInAction, undefined);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};

  return (
    <form action={action} className="space-y-5" noValidate>
      {state && !state.ok ? <FormAlert>{state.error}</FormAlert> : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField id="email" label="Email" type="email" autoComplete="email" required error={errors.email} />
      <div className="space-y-2">
        <TextField id="password" label="Password" type="password" autoComplete="current-password" required error={errors.password} />
        <p className="text-right text-sm">
          <Link href="/forgot-password" className="font-medium text-accent underline-offset-2 hover:underline">
            Forgot your password?
          </Link>
        </p>
      </div>
      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
