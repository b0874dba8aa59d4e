import { NextResponse, type NextRequest } from "next/server";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/actions";
import { contentSecurityPolicy, REQUESTED_PATH_HEADER } from "@/lib/security/headers";
import { acceptedHost } from "@/lib/security/host";

const APP_PREFIXES = [
  "/dashboard",
  "/calendar",
  "/lessons",
  "/students",
  "/teachers",
  "/messages",
  "/assignments",
  "/practice",
  "/notifications",
  "/settings",
];

const isAppPath = (pathname: string) => APP_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

const hasSessionCookie = (request: NextRequest) =>
  request.cookies.getAll().some(({ name }) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(name));

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * A plain form post (JavaScript not loaded yet) over Next's server-action limit would end in its error page: it is
 * answered here instead, before Next reads it. With JavaScript the form refuses to send it (useAction).
 */
function formTooLarge(pathname: string): NextResponse {
  const back = escapeHtml(pathname);
  const page = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Too large to send · MusBook</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:3rem 1.25rem;color:#1c1917;background:#fafaf9}
main{max-width:34rem;margin:auto}h1{font-size:1.5rem;margin:0 0 .75rem}a{color:#4338ca;font-weight:600}
@media (prefers-color-scheme:dark){body{color:#e7e5e4;background:#0c0a09}a{color:#a5b4fc}}</style>
<main><h1>That form was too large to send</h1>
<p>It was over 1 MB, so nothing was saved. Go back (your browser keeps what you typed), shorten the longest text, and send it again.</p>
<p><a href="${back}">Back to the form</a></p></main></html>`;
  return new NextResponse(page, { status: 413, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

/**
 * Refuses a malformed or foreign Host before anything reads it. Then, for pages, only an optimistic redirect: it never
 * refreshes the session (a refresh racing a sign-out would revive it); everything else checks the database.
 */
export function proxy(request: NextRequest) {
  const host = acceptedHost(request.headers);
  if (!host) {
    return new NextResponse("This server does not answer for that host.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) return NextResponse.next();
  if (request.method === "POST" && Number(request.headers.get("content-length")) > ACTION_BODY_LIMIT_BYTES) return formTooLarge(pathname);
  if (isAppPath(pathname) && !hasSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  const nonce = btoa(crypto.randomUUID());
  // The host the browser used (nextUrl may say localhost behind `next start -H`), for the realtime socket's address.
  const policy = contentSecurityPolicy(nonce, new URL(`http://${host}`).hostname);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set(REQUESTED_PATH_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!_next/|favicon.ico|manifest.webmanifest|sw.js|icons/).*)"],
};
