"use client";

import { useState } from "react";
import { PhoneField } from "@/components/forms/phone-field";
import { TimezoneField } from "@/components/forms/timezone-field";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, OptionalLabel, Textarea, TextField } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";
import { cn } from "@/lib/utils";
import { InstrumentsInput } from "./instruments-input";
import { BIO_MAX_LENGTH, INSTRUMENT_MAX_LENGTH, INSTRUMENTS_MAX_COUNT, NAME_MAX_LENGTH } from "@/lib/accounts/limits";

export interface ProfileValues {
  name: string;
  phone: string | null;
  timezone: string;
  bio: string | null;
  instruments: string[];
}

export function ProfileForm({
  updateProfile,
  profile,
  timeZones,
}: {
  updateProfile: AnyServerAction;
  profile: ProfileValues;
  timeZones: string[];
}) {
  const { formAction, onSubmit, pending, error, message, fieldErrors: errors } = useAction(updateProfile);
  const [bio, setBio] = useState(profile.bio ?? "");
  const bioLength = [...bio].length;

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-5" noValidate>
      {error ? <FormAlert>{errors.form ?? error}</FormAlert> : null}
      {message ? <FormAlert tone="success">{message}</FormAlert> : null}

      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          id="name"
          label="Full name"
          autoComplete="name"
          required
          maxLength={NAME_MAX_LENGTH}
          defaultValue={profile.name}
          error={errors.name}
        />
        <PhoneField
          defaultValue={profile.phone ?? ""}
          hint="With the country code if you have students or teachers abroad."
          error={errors.phone}
        />
      </div>

      <TimezoneField timeZones={timeZones} defaultValue={profile.timezone} error={errors.timezone} />

      <Field id="bio" label={<OptionalLabel>About you</OptionalLabel>} error={errors.bio}>
        <Textarea
          id="bio"
          name="bio"
          rows={5}
          value={bio}
          onChange={(event) => setBio(event.target.value)}
          placeholder="Your musical background, what you teach or are learning, what you'd like to work on."
          aria-invalid={errors.bio ? true : undefined}
          aria-describedby={errors.bio ? "bio-error bio-count" : "bio-count"}
        />
        <p
          id="bio-count"
          className={cn(
            "text-right text-xs tabular-nums",
            bioLength > BIO_MAX_LENGTH ? "font-medium text-red-600 dark:text-red-400" : "text-muted-foreground",
          )}
        >
          {bioLength} / {BIO_MAX_LENGTH}
        </p>
      </Field>

      <Field
        id="instruments"
        label={<OptionalLabel>Instruments</OptionalLabel>}
        error={errors.instruments}
        hint={`Press Enter or type a comma after each one. Up to ${INSTRUMENTS_MAX_COUNT}.`}
      >
        <InstrumentsInput
          id="instruments"
          defaultValue={profile.instruments}
          maxCount={INSTRUMENTS_MAX_COUNT}
          maxLength={INSTRUMENT_MAX_LENGTH}
          error={errors.instruments}
          describedBy={errors.instruments ? "instruments-error" : "instruments-hint"}
        />
      </Field>

      <div className="flex justify-end border-t pt-5">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
