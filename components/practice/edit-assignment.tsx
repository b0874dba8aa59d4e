"use client";

import { Pencil } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { AnyServerAction } from "@/lib/actions";
import { AssignmentForm, type AssignmentFormValues } from "./assignment-form";

/** The teacher's edit, in place of the instructions until saved or cancelled. */
export function EditAssignment({ action, values, timezone }: { action: AnyServerAction; values: AssignmentFormValues; timezone: string }) {
  const [editing, setEditing] = useState(false);
  if (!editing) {
    return (
      <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
        <Pencil className="size-4" aria-hidden="true" />
        Edit
      </Button>
    );
  }
  return (
    <div className="w-full rounded-xl border p-4">
      <AssignmentForm
        action={action}
        values={values}
        timezone={timezone}
        submitLabel="Save changes"
        onDone={() => setEditing(false)}
        onCancel={() => setEditing(false)}
      />
    </div>
  );
}
