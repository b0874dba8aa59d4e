import type { NextRequest } from "next/server";
import { auth, handlers } from "@/auth";
import { failure } from "@/lib/actions";
import { resolveSessionUser } from "@/lib/auth/session";
import { failureResponse, PRIVATE_NO_STORE } from "@/lib/http";

/** A signed-out or revoked session reads as no session here too. */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/session")) {
    const session = await auth();
    if (session && !(await resolveSessionUser(session))) return Response.json(null, { headers: PRIVATE_NO_STORE });
  }
  return handlers.GET(request);
}

/** Auth.js's credentials endpoint would skip the rate limits, so passwords go only through the sign-in action. */
export function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) return failureResponse(failure("not-found", "Not found"));
  return handlers.POST(request);
}
