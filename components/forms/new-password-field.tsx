"use client";

import { Check, X } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Field, Input } from "@/components/ui/field";
import { cn } from "@/lib/utils";

const MIN = 8;
const MAX = 128;

function Rule({ met, children }: { met: boolean; children: string }) {
  return (
    <li className={cn("flex items-center gap-1.5", met ? "text-emerald-700 dark:text-emerald-400" : "text-muted-foreground")}>
      {met ? <Check className="size-3.5" aria-hidden="true" /> : <X className="size-3.5" aria-hidden="true" />}
      <span>
        {children}
        <span className="sr-only">{met ? " (done)" : " (not yet)"}</span>
      </span>
    </li>
  );
}

/**
 * A new-password input with the policy's checklist, updated as the user types. The server applies the
 * full policy (lib/auth/password-policy); this only shows the rules a person can check by eye.
 * `personal` holds the user's name and email, which may not be the password.
 */
export function NewPasswordField({
  id = "password",
  label = "Password",
  personal,
  error,
}: {
  id?: string;
  label?: ReactNode;
  personal: string[];
  error?: string;
}) {
  const [password, setPassword] = useState("");
  const length = [...password].length;
  const lowered = password.toLowerCase();
  const personalParts = personal
    .flatMap((value) => {
      const trimmed = value.trim().toLowerCase();
      return [trimmed, trimmed.includes("@") ? trimmed.split("@")[0]! : ""];
    })
    .filter((part) => part.length >= 3);
  const rulesId = `${id}-rules`;

  return (
    <Field id={id} label={label} error={error}>
      <Input
        id={id}
        name={id}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${rulesId}` : rulesId}
      />
      <ul id={rulesId} className="space-y-0.5 text-xs" aria-live="polite">
        <Rule met={length >= MIN && length <= MAX}>{`${MIN} to ${MAX} characters`}</Rule>
        <Rule met={length > 0 && !personalParts.some((part) => lowered === part)}>Not your name or email</Rule>
      </ul>
      <p className="text-xs text-muted-foreground">Common passwords are refused. A few unrelated words make a strong one.</p>
    </Field>
  );
}
