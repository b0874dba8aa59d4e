import { failure, type ActionFailure, type ActionResult, type FailureCode } from "@/lib/actions";
import { env } from "@/lib/env";

export const PRIVATE_NO_STORE = { "cache-control": "private, no-store" } as const;

const STATUS: Record<FailureCode, number> = {
  invalid: 400,
  "session-ended": 401,
  forbidden: 403,
  "not-found": 404,
  "too-large": 413,
  unavailable: 503,
};

export function failureResponse({ error, code, fieldErrors }: ActionFailure): Response {
  return Response.json(
    { error, ...(code && { code }), ...(fieldErrors && { fieldErrors }) },
    { status: code ? STATUS[code] : 400, headers: PRIVATE_NO_STORE },
  );
}

export function resultResponse<T>(result: ActionResult<T>): Response {
  return result.ok ? Response.json(result.data ?? null, { headers: PRIVATE_NO_STORE }) : failureResponse(result);
}

/** CSRF check as Next does for actions. request.url is not used: behind a proxy it need not carry the public host. */
export function crossOriginRefusal(request: Request): Response | null {
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const requestHost = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  let originHost: string | undefined;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = undefined; // "null" (sandboxed frames, file pages) and garbage alike
  }
  if (originHost && (originHost === requestHost || originHost === new URL(env().APP_URL).host)) return null;
  return failureResponse(failure("forbidden", "Cross-origin requests are not allowed"));
}
