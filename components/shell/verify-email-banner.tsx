"use client";

import { MailWarning } from "lucide-react";
import { useAction } from "@/components/forms/use-action";
import type { AnyServerAction } from "@/lib/actions";

export function VerifyEmailBanner({ email, resend }: { email: string; resend: AnyServerAction }) {
  const { formAction, pending, error, message, state } = useAction(resend);
  return (
    <div
      role="region"
      aria-label="Confirm your email"
      className="border-b border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5 text-sm sm:px-6 lg:px-10">
        <MailWarning className="size-4 shrink-0" aria-hidden="true" />
        <p className="min-w-0 flex-1">
          {state ? (
            <span role="status">{error ?? message}</span>
          ) : (
            <>
              Confirm your email address to send and receive invitations. We sent a link to <strong>{email}</strong>.
            </>
          )}
        </p>
        <form action={formAction}>
          <button type="submit" disabled={pending} className="font-medium underline underline-offset-2 disabled:opacity-60">
            {pending ? "Sending…" : "Send a new link"}
          </button>
        </form>
      </div>
    </div>
  );
}
