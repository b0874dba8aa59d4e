"use client";

import { useState, type ReactNode } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button, type ButtonStyleProps } from "@/components/ui/button";
import type { AnyServerAction } from "@/lib/actions";

/**
 * A one-button form for a server action, with its hidden fields. With `confirm`, the first click asks
 * in place (no browser dialog) and only "Yes" submits. Errors are shown beside the button.
 */
export function ActionButton({
  action,
  fields,
  children,
  pendingLabel,
  confirm,
  confirmLabel = "Yes",
  variant = "secondary",
  size = "sm",
}: {
  action: AnyServerAction;
  fields: Record<string, string>;
  children: ReactNode;
  pendingLabel?: string;
  confirm?: ReactNode;
  confirmLabel?: string;
} & ButtonStyleProps) {
  const { formAction, pending, error } = useAction(action);
  const [asking, setAsking] = useState(false);
  const hidden = Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  return (
    <div className="flex flex-col items-start gap-1.5">
      {asking ? (
        <form
          action={formAction}
          className="flex flex-wrap items-center gap-2 rounded-lg border border-red-200 bg-red-50 p-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/40 dark:text-red-100"
          role="group"
          aria-label="Confirm"
        >
          {hidden}
          <span className="px-1">{confirm}</span>
          <Button type="submit" variant="danger" size="sm" disabled={pending}>
            {pending ? (pendingLabel ?? "Working…") : confirmLabel}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setAsking(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <form action={formAction}>
          {hidden}
          <Button
            type={confirm ? "button" : "submit"}
            variant={variant}
            size={size}
            disabled={pending}
            onClick={confirm ? () => setAsking(true) : undefined}
          >
            {pending ? (pendingLabel ?? "Working…") : children}
          </Button>
        </form>
      )}
      {error ? (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Ending a connection, from either side: always asked in place first. */
export function EndConnectionButton({
  action,
  connectionId,
  otherPartyName,
  variant = "ghost",
}: {
  action: AnyServerAction;
  connectionId: string;
  otherPartyName: string;
  variant?: ButtonStyleProps["variant"];
}) {
  return (
    <ActionButton
      action={action}
      fields={{ connectionId }}
      variant={variant}
      confirm={`End your connection with ${otherPartyName}? Upcoming lessons are cancelled; your history is kept.`}
      confirmLabel="End connection"
      pendingLabel="Ending…"
    >
      End connection
    </ActionButton>
  );
}
