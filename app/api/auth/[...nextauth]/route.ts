import type { NextRequest } from "next/server";
import { auth, handlers } from "@/auth";
import { failure } from "@/lib/actions";
import { resolveSessionUser } from "@/lib/auth/session";
import { failureResponse, PRIVATE_NO_STORE } from "@/lib/http";

/**
 * Auth.js only decodes the cookie; a session that was signed out, or ended by a password change, is
 * reported as no session here too, like everywhere else.
 */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/session")) {
    const session = await auth();
    if (session && !(await resolveSessionUser(session))) return Response.json(null, { headers: PRIVATE_NO_STORE });
  }
  return handlers.GET(request);
}

/**
 * Passwords are checked only through the sign-in action, which applies the rate limits first. Auth.js's
 * own credentials endpoint would skip them, so it is closed; sign-out and the rest stay as they are.
 */
export function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) return failureResponse(failure("not-found", "Not found"));
  return handlers.POST(request);
}
