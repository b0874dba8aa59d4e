import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/auth";

/** Signed-in areas of the app; signed-out visitors are sent to sign-in and brought back afterwards. */
const APP_PREFIXES = ["/dashboard", "/calendar", "/lessons", "/students", "/teachers", "/messages", "/assignments", "/notifications", "/settings"];

const isAppPath = (pathname: string) => APP_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));

type ProxyHandler = (request: NextRequest, event: NextFetchEvent) => Promise<Response | undefined>;

// With a lazily built Auth.js config, `auth(handler)` resolves to the handler asynchronously.
const redirectSignedOut = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (!request.auth && isAppPath(pathname)) {
    const signIn = new URL("/sign-in", request.nextUrl);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }
  return NextResponse.next();
}) as unknown as Promise<ProxyHandler>;

/** Only redirects. Every page, action and route handler checks the session against the database itself. */
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  return (await redirectSignedOut)(request, event);
}

export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|manifest.webmanifest|sw.js|icons/).*)"],
};
