"use client";

import { useSyncExternalStore } from "react";
import { Field, Input } from "@/components/ui/field";

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const subscribeNever = () => () => {};

/**
 * A searchable IANA timezone input (a datalist of every zone). Without a `defaultValue` it starts at the
 * browser's zone: the server renders an empty field and the browser fills it in.
 */
export function TimezoneField({
  timeZones,
  defaultValue,
  error,
  hint = "Lesson times are shown in this zone. Type to search.",
}: {
  timeZones: string[];
  defaultValue?: string;
  error?: string;
  hint?: string;
}) {
  const detectedZone = useSyncExternalStore(subscribeNever, browserZone, () => "");
  const initial = defaultValue ?? detectedZone;
  return (
    <Field id="timezone" label="Timezone" error={error} hint={hint}>
      <Input
        id="timezone"
        name="timezone"
        list="timezones"
        required
        autoComplete="off"
        defaultValue={initial}
        key={initial}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "timezone-error" : "timezone-hint"}
      />
      <datalist id="timezones">
        {timeZones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </Field>
  );
}
