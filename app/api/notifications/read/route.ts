import { failure, SESSION_ENDED } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { crossOriginRefusal, failureResponse, resultResponse } from "@/lib/http";
import { markNotificationsRead } from "@/lib/notifications";

// A hundred ids fit in a few kilobytes.
const MAX_BODY_BYTES = 16_384;

/** Marks notifications read: JSON `{ "ids": [...] }` or `{ "all": true }`. */
export async function POST(request: Request) {
  const refusal = crossOriginRefusal(request);
  if (refusal) return refusal;
  const user = await getCurrentUser();
  if (!user) return failureResponse(SESSION_ENDED);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    return failureResponse(failure("too-large", "Request body too large"));
  const body: unknown = await request.json().catch(() => null);
  return resultResponse(await markNotificationsRead(user, body));
}
