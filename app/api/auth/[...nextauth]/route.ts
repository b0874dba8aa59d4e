import type { NextRequest } from "next/server";
import { auth, handlers } from "@/auth";
import { resolveSessionUser } from "@/lib/auth/session";

/**
 * Auth.js only decodes the cookie; a session that was signed out, or ended by a password change, is
 * reported as no session here too, like everywhere else.
 */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/session")) {
    const session = await auth();
    if (session && !(await resolveSessionUser(session))) return Response.json(null, { headers: { "cache-control": "private, no-store" } });
  }
  return handlers.GET(request);
}

/**
 * Passwords are checked only through the sign-in action, which applies the rate limits first. Auth.js's
 * own credentials endpoint would skip them, so it is closed; sign-out and the rest stay as they are.
 */
export function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) return new Response(null, { status: 404 });
  return handlers.POST(request);
}
