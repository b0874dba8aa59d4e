"use client";

import { Check, X } from "lucide-react";
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
 * A new-password input with the live checklist of the password policy. The server has the last word
 * (it also refuses common passwords); this only shows what can be checked as the user types.
 */
export function NewPasswordField({
  label = "Password",
  value,
  onChange,
  personalInfo,
  error,
}: {
  label?: string;
  value: string;
  onChange: (password: string) => void;
  /** The user's name and email: a password equal to either is refused. */
  personalInfo: string[];
  error?: string;
}) {
  const length = [...value].length;
  const lowered = value.toLowerCase();
  const personal = personalInfo
    .flatMap((info) => [info.trim().toLowerCase(), info.includes("@") ? (info.split("@")[0]?.toLowerCase() ?? "") : ""])
    .filter((part) => part.length >= 3);

  return (
    <Field id="password" label={label} error={error}>
      <Input
        id="password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "password-error password-rules" : "password-rules"}
      />
      <ul id="password-rules" className="space-y-0.5 text-xs" aria-live="polite">
        <Rule met={length >= MIN && length <= MAX}>{`${MIN} to ${MAX} characters`}</Rule>
        <Rule met={length > 0 && !personal.some((part) => lowered === part)}>Not your name or email</Rule>
      </ul>
      <p className="text-xs text-muted-foreground">Common passwords are refused. A few unrelated words make a strong one.</p>
    </Field>
  );
}
