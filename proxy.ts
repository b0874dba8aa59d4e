import { NextResponse, type NextRequest } from "next/server";
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
