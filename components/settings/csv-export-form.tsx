"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Field, FormAlert, Select, TextField } from "@/components/ui/field";

/**
 * A plain GET form to the CSV route, so the browser downloads the file itself (and it works before JavaScript loads).
 * With JavaScript a reversed range is explained here; the route validates everything else (zod stays off this page).
 */
export function CsvExportForm({ defaults }: { defaults: { from: string; to: string } }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      method="get"
      action="/api/exports/csv"
      className="space-y-4"
      aria-label="Export as CSV"
      onSubmit={(event) => {
        const { from, to } = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
        if (from && to && from > to) {
          event.preventDefault();
          setErrors({ to: "The end date must not be before the start date." });
        } else setErrors({});
      }}
    >
      {Object.keys(errors).length > 0 ? <FormAlert>{errors.to ?? errors.from ?? errors.kind ?? "Check the range."}</FormAlert> : null}
      <Field id="kind" label="What" error={errors.kind}>
        <Select id="kind" name="kind" defaultValue="lessons">
          <option value="lessons">Lessons with attendance</option>
          <option value="assignments">Assignments</option>
          <option value="practice">Practice log</option>
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="from" label="From" type="date" required defaultValue={defaults.from} error={errors.from} />
        <TextField id="to" label="To" type="date" required defaultValue={defaults.to} error={errors.to} />
      </div>
      <button type="submit" className={buttonClasses({ variant: "secondary" })}>
        <Download className="size-4" aria-hidden="true" />
        Download CSV
      </button>
    </form>
  );
}
