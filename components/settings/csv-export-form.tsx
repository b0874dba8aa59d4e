"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { Field, FormAlert, Select, TextField } from "@/components/ui/field";
import { fieldErrors } from "@/lib/actions";
import { exportQuerySchema } from "@/lib/exports/schemas";

/**
 * A plain GET form to the CSV route, so the browser downloads the file itself (and it works before JavaScript loads);
 * with JavaScript the range is checked first, with the route's own schema, so a mistake is explained here.
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
        const values = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
        const parsed = exportQuerySchema.safeParse(values);
        if (parsed.success) setErrors({});
        else {
          event.preventDefault();
          setErrors(fieldErrors(parsed.error));
        }
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
