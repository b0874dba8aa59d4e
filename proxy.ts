import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/auth";
import { contentSecurityPolicy } from "@/lib/security/headers";

/** Signed-in areas of the app; signed-out visitors are sent to sign-in and brought back afterwards. */
const APP_PREFIXES = ["/dashboard", "/calendar", "/lessons", "/students", "/teachers", "/messages", "/assignments", "/notifications", "/settings"];

const isAppPath = (pathname: string) => APP_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

type ProxyHandler = (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

/** Next reads the nonce from the request's CSP header and puts it on every script it renders. */
function withContentSecurityPolicy(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  // The host the browser used (nextUrl may say localhost behind `next start -H`), for the realtime socket's address.
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || request.nextUrl.host;
  const policy = contentSecurityPolicy(nonce, new URL(`http://${host}`).hostname);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// With a lazily built Auth.js config, `auth(handler)` resolves to the handler asynchronously.
const redirectSignedOut = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (!request.auth && isAppPath(pathname)) {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  return withContentSecurityPolicy(request);
}) as unknown as Promise<ProxyHandler>;

/** Only redirects (and sets the page's CSP). Every page, action and route handler checks the session against the database itself. */
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  return (await redirectSignedOut)(request, event);
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|manifest.webmanifest|sw.js|icons/).*)"],
};
