"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";
import { announceSigningOut } from "@/components/shell/session-ending";

/** Two steps: the first button only asks; the second signs every device out, this one included. */
export function SignOutEverywhere({ signOutEverywhere }: { signOutEverywhere: AnyServerAction }) {
  const { formAction, pending, error } = useAction(signOutEverywhere);
  const [confirming, setConfirming] = useState(false);

  if (!confirming) {
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        <LogOut className="size-4" aria-hidden="true" />
        Sign out everywhere…
      </Button>
    );
  }

  return (
    <form
      action={formAction}
      onSubmit={announceSigningOut}
      className="space-y-4 rounded-xl border border-amber-200 bg-amber-50 p-4 dark:border-amber-900 dark:bg-amber-950/40"
      role="group"
      aria-label="Confirm signing out everywhere"
    >
      {error ? <FormAlert>{error}</FormAlert> : null}
      <p className="text-sm text-amber-950 dark:text-amber-100">
        Every browser and phone signed in to your account will be signed out, <strong>this one included</strong>. You can sign in again
        straight away with your password.
      </p>
      <input type="hidden" name="confirm" value="yes" />
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="ghost" onClick={() => setConfirming(false)} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Signing out…" : "Yes, sign out everywhere"}
        </Button>
      </div>
    </form>
  );
}
