"use client";

import Link from "next/link";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert, TextField } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";

export function SignInForm({ signIn, callbackUrl }: { signIn: AnyServerAction; callbackUrl?: string }) {
  const { formAction, pending, error, fieldErrors: errors } = useAction(signIn);

  return (
    <form action={formAction} className="space-y-5" noValidate>
      {error ? <FormAlert>{error}</FormAlert> : null}
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
