"use client";

import { GraduationCap, Music } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { CheckInbox } from "@/components/auth/check-inbox";
import { Button } from "@/components/ui/button";
import { NewPasswordField } from "@/components/forms/new-password-field";
import { useAction } from "@/components/forms/use-action";
import { PhoneField } from "@/components/forms/phone-field";
import { TimezoneField } from "@/components/forms/timezone-field";
import { FormAlert, TextField } from "@/components/ui/field";
import type { UserRole } from "@/db/schema";
import type { AnyServerAction } from "@/lib/actions";
import { cn } from "@/lib/utils";
import { NAME_MAX_LENGTH } from "@/lib/accounts/limits";

/** `signInHref`: where "Continue to sign in" leads, e.g. on to the invitation the visitor came from. */
export function SignUpForm({
  signUp,
  initialRole,
  timeZones,
  signInHref,
}: {
  signUp: AnyServerAction;
  initialRole?: UserRole;
  timeZones: string[];
  signInHref?: string;
}) {
  const { state, formAction, pending, error, fieldErrors: errors } = useAction(signUp);
  const [role, setRole] = useState<UserRole | undefined>(initialRole);
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");

  if (state?.ok) {
    return (
      <CheckInbox continueLabel="Continue to sign in" continueHref={signInHref}>
        We sent a link to <strong className="text-foreground">{email}</strong>. Open it to confirm your address. You can sign in straight
        away; invitations work once your email is confirmed.
      </CheckInbox>
    );
  }

  return (
    <form action={formAction} className="space-y-5" noValidate>
      {error ? <FormAlert>{error}</FormAlert> : null}

      <fieldset>
        <legend className="text-sm font-medium">I am a…</legend>
        <div className="mt-2 grid grid-cols-2 gap-3">
          {(
            [
              { value: "teacher", label: "Teacher", hint: "I give lessons", icon: Music },
              { value: "student", label: "Student", hint: "I take lessons", icon: GraduationCap },
            ] as const
          ).map((option) => (
            <label
              key={option.value}
              className={cn(
                "flex cursor-pointer flex-col gap-1 rounded-xl border p-3 transition has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                role === option.value ? "border-accent bg-accent-soft" : "bg-surface",
              )}
            >
              <input
                type="radio"
                name="role"
                value={option.value}
                checked={role === option.value}
                onChange={() => setRole(option.value)}
                className="sr-only"
              />
              <option.icon className="size-5 text-accent" aria-hidden="true" />
              <span className="text-sm font-semibold">{option.label}</span>
              <span className="text-xs text-muted-foreground">{option.hint}</span>
            </label>
          ))}
        </div>
        {errors.role ? <p className="mt-1.5 text-sm text-red-600 dark:text-red-400">{errors.role}</p> : null}
      </fieldset>

      <TextField
        id="name"
        label="Full name"
        autoComplete="name"
        required
        maxLength={NAME_MAX_LENGTH}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={errors.name}
      />
      <TextField
        id="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
      />

      <NewPasswordField personal={[name, email]} error={errors.password} />

      <TimezoneField timeZones={timeZones} error={errors.timezone} />

      <PhoneField error={errors.phone} />

      <Button type="submit" size="lg" className="w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-accent underline-offset-2 hover:underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
