import { env } from "@/lib/env";

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
  return Response.json({ error: "Cross-origin requests are not allowed" }, { status: 403 });
}

/** Private answers: never stored by a browser, proxy or service worker cache. */
export const PRIVATE_NO_STORE = { "cache-control": "private, no-store" } as const;
