import type { z } from "zod";

/** What every server action returns: expected failures are values, not exceptions. */
export type ActionResult<T = undefined> =
  | ({ ok: true; message?: string } & (T extends undefined ? { data?: undefined } : { data: T }))
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** Any action's result, whatever its data: what generic code (adapters, tests) needs to read. */
export type AnyActionResult = { ok: true; message?: string } | { ok: false; error: string; fieldErrors?: Record<string, string> };

export type FormState = ActionResult | undefined;

/** A form's text fields as a plain object; React's internal `$ACTION_*` fields and files are dropped. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    values[key] = value;
  }
  return values;
}

/** The first message per field, keyed by field name; problems with no field (unknown keys) under "form". */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.code === "unrecognized_keys" ? "form" : String(issue.path[0] ?? "form");
    result[key] ??= issue.code === "unrecognized_keys" ? "This form contains fields it does not accept." : issue.message;
  }
  return result;
}

export function invalid(error: z.ZodError, message = "Please correct the highlighted fields."): ActionResult<never> {
  return { ok: false, error: message, fieldErrors: fieldErrors(error) };
}
