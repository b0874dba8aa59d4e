import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, REQUESTED_PATH_HEADER } from "@/lib/security/headers";

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

/** Only an optimistic redirect: it never refreshes the session (a refresh racing a sign-out would revive it); everything else checks the database. */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isAppPath(pathname) && !hasSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  const nonce = btoa(crypto.randomUUID());
  // The host the browser used (nextUrl may say localhost behind `next start -H`), for the realtime socket's address.
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || request.nextUrl.host;
  const policy = contentSecurityPolicy(nonce, new URL(`http://${host}`).hostname);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set(REQUESTED_PATH_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|manifest.webmanifest|sw.js|icons/).*)"],
};
