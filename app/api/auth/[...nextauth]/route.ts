import type { NextRequest } from "next/server";
import { handlers } from "@/auth";

export const { GET } = handlers;

/**
 * Passwords are checked only through the sign-in action, which applies the rate limits first. Auth.js's
 * own credentials endpoint would skip them, so it is closed; sign-out and the rest stay as they are.
 */
export function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) return new Response(null, { status: 404 });
  return handlers.POST(request);
}
