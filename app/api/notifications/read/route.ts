import { SESSION_ENDED } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { crossOriginRefusal, failureResponse, readJsonBody, resultResponse } from "@/lib/http";
import { markNotificationsRead } from "@/lib/notifications";

// A hundred ids fit in a few kilobytes.
const MAX_BODY_BYTES = 16_384;

/** Marks notifications read: JSON `{ "ids": [...] }` or `{ "all": true }`. */
export async function POST(request: Request) {
  const refusal = crossOriginRefusal(request);
  if (refusal) return refusal;
  const user = await getCurrentUser();
  if (!user) return failureResponse(SESSION_ENDED);
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  return resultResponse(await markNotificationsRead(user, body.value));
}
