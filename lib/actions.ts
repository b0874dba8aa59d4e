import type { z } from "zod";

/**
 * Why an expected failure happened, for answers that need more than a message: a route handler turns
 * it into an HTTP status (lib/http.ts). A failure without one is a refusal the user can read and act on.
 */
export type FailureCode = "invalid" | "session-ended" | "forbidden" | "not-found" | "too-large" | "unavailable";

export type ActionFailure = { ok: false; error: string; fieldErrors?: Record<string, string>; code?: FailureCode };

/** What every server action returns: expected failures are values, not exceptions. `ActionResult<never>` is a failure. */
export type ActionResult<T = undefined> =
  | ([T] extends [never] ? never : { ok: true; message?: string } & ([T] extends [undefined] ? { data?: undefined } : { data: T }))
  | ActionFailure;

/** Any action's result, whatever its data: what generic code (adapters, tests) needs to read. */
export type AnyActionResult = { ok: true; message?: string; data?: unknown } | ActionFailure;

/** A server action's state in a component: nothing yet, or the last answer. */
export type ActionState<T = undefined> = ActionResult<T> | undefined;

/** What a client sends an action: a form's fields, or a plain object built by a component. */
export type ActionInput = FormData | Record<string, unknown>;

/**
 * The one shape of every server action: React's `useActionState` calls it with the previous state and
 * the form's data (so a form works before JavaScript loads), and the client hook sends a plain object
 * the same way. The previous state is never trusted: it comes from the browser.
 */
export type ServerAction<T = undefined> = (previous: unknown, input: ActionInput) => Promise<ActionResult<T>>;

/** What a component accepts as an action whose data it does not read. */
export type AnyServerAction = (previous: unknown, input: ActionInput) => Promise<AnyActionResult>;

/** The one answer to an action or request whose session has ended (signed out elsewhere, password changed, expired). */
export const SESSION_ENDED = {
  ok: false,
  error: "Your session has ended. Sign in again.",
  code: "session-ended",
} as const satisfies ActionFailure;

export function failure(code: FailureCode, error: string, fieldErrors?: Record<string, string>): ActionFailure {
  return fieldErrors ? { ok: false, error, fieldErrors, code } : { ok: false, error, code };
}

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

export function invalid(error: z.ZodError, message = "Please correct the highlighted fields."): ActionFailure {
  return failure("invalid", message, fieldErrors(error));
}
