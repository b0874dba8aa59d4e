import { failure, type ActionFailure, type ActionResult, type FailureCode } from "@/lib/actions";
import { env } from "@/lib/env";

/** Private answers: never stored by a browser, proxy or service worker cache. */
export const PRIVATE_NO_STORE = { "cache-control": "private, no-store" } as const;

const STATUS: Record<FailureCode, number> = {
  invalid: 400,
  "session-ended": 401,
  forbidden: 403,
  "not-found": 404,
  "too-large": 413,
  unavailable: 503,
};

/**
 * The one place a typed failure becomes an HTTP answer: its code picks the status (a refusal without a
 * code is a 400: the message says why), and the body is `{ error, code?, fieldErrors? }`, never cached.
 */
export function failureResponse({ error, code, fieldErrors }: ActionFailure): Response {
  return Response.json(
    { error, ...(code && { code }), ...(fieldErrors && { fieldErrors }) },
    { status: code ? STATUS[code] : 400, headers: PRIVATE_NO_STORE },
  );
}

/** A domain function's answer over HTTP: its data with 200, or the failure as above. */
export function resultResponse<T>(result: ActionResult<T>): Response {
  return result.ok ? Response.json(result.data ?? null, { headers: PRIVATE_NO_STORE }) : failureResponse(result);
}

/**
 * Refuses a request whose Origin is another site's (CSRF on JSON routes), the way Next checks server
 * actions: the Origin's host must be the host the request was sent to (or the configured app URL's).
 * `request.url` is not used, since behind `next start` or a proxy it need not carry the public host.
 * Browsers send Origin on every cross-site POST; a request without one cannot come from another
 * site's page script, and the session cookie is SameSite=Lax besides.
 */
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
