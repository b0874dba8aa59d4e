"use client";

import { LogOut } from "lucide-react";
import { useAction } from "@/components/forms/use-action";
import type { AnyServerAction } from "@/lib/actions";
import { announceSigningOut } from "./session-ending";

export function SignOutButton({ signOut }: { signOut: AnyServerAction }) {
  const { formAction } = useAction(signOut);
  return (
    <form action={formAction} onSubmit={announceSigningOut}>
      <button
        type="submit"
        className="inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1.5 text-sm text-muted-foreground hover:bg-surface-muted hover:text-foreground"
      >
        <LogOut className="size-4" aria-hidden="true" />
        Sign out
      </button>
    </form>
  );
}
