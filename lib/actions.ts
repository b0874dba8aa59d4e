import type { z } from "zod";

/** A failure without a code is a refusal the user can read and act on. */
export type FailureCode = "invalid" | "session-ended" | "forbidden" | "not-found" | "too-large" | "unavailable";

export type ActionFailure = { ok: false; error: string; fieldErrors?: Record<string, string>; code?: FailureCode };

/** Expected failures are values, not exceptions. */
export type ActionResult<T = undefined> =
  | ([T] extends [never] ? never : { ok: true; message?: string } & ([T] extends [undefined] ? { data?: undefined } : { data: T }))
  | ActionFailure;

export type AnyActionResult = { ok: true; message?: string; data?: unknown } | ActionFailure;

export type ActionState<T = undefined> = ActionResult<T> | undefined;

export type ActionInput = FormData | Record<string, unknown>;

/** The useActionState shape, so a form works before JavaScript loads. The previous state comes from the browser: never trust it. */
export type ServerAction<T = undefined> = (previous: unknown, input: ActionInput) => Promise<ActionResult<T>>;

export type AnyServerAction = (previous: unknown, input: ActionInput) => Promise<AnyActionResult>;

/** Next's server-action body limit (`serverActions.bodySizeLimit`, 1 MB by default): over it, Next throws and shows its error page. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export const SESSION_ENDED = {
  ok: false,
  error: "Your session has ended. Sign in again.",
  code: "session-ended",
} as const satisfies ActionFailure;

export function failure(code: FailureCode, error: string, fieldErrors?: Record<string, string>): ActionFailure {
  return fieldErrors ? { ok: false, error, fieldErrors, code } : { ok: false, error, code };
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    values[key] = value;
  }
  return values;
}

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
