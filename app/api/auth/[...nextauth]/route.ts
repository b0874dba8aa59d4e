import { NextRequest } from "next/server";
import { auth, handlers } from "@/auth";
import { failure } from "@/lib/actions";
import { resolveSessionUser } from "@/lib/auth/session";
import { failureResponse, PRIVATE_NO_STORE, readBodyText } from "@/lib/http";

/** A signed-out or revoked session reads as no session here too. */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/session")) {
    const session = await auth();
    if (session && !(await resolveSessionUser(session))) return Response.json(null, { headers: PRIVATE_NO_STORE });
  }
  return handlers.GET(request);
}

// Auth.js's forms (sign-out, the two-step ticket) carry a CSRF token and a few fields.
const MAX_BODY_BYTES = 8_192;

/**
 * Auth.js's credentials endpoint would skip the rate limits, so passwords go only through the sign-in action. Other
 * posts reach Auth.js with their body read within a bound first.
 */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) return failureResponse(failure("not-found", "Not found"));
  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  return handlers.POST(new NextRequest(request.url, { method: "POST", headers: request.headers, body: body.value }));
}
