"use client";

import Form from "next/form";
import { Select } from "@/components/ui/field";

/** Narrows the upcoming lessons to one student (or teacher); a plain GET form, submitted as soon as the choice changes. */
export function UpcomingFilter({
  options,
  selected,
  otherLabel,
  keep,
}: {
  options: { id: string; name: string }[];
  selected: string | null;
  otherLabel: string;
  /** Other query parameters the page keeps (the recent lessons' filter). */
  keep: Record<string, string>;
}) {
  return (
    <Form key={selected ?? "everyone"} action="/lessons" scroll={false} className="flex items-center gap-2">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor="upcoming-with" className="sr-only">
        Show upcoming lessons with
      </label>
      <Select
        id="upcoming-with"
        name="with"
        defaultValue={selected ?? ""}
        className="h-9 w-auto max-w-48 py-1 text-sm"
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        <option value="">Every {otherLabel.toLowerCase()}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </Select>
    </Form>
  );
}
