import { failure, SESSION_ENDED } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { crossOriginRefusal, failureResponse, resultResponse } from "@/lib/http";
import { subscribeDevice } from "@/lib/push/devices";

// A subscription's JSON is well under a kilobyte.
const MAX_BODY_BYTES = 8_192;

/**
 * The service worker's way to keep push working when the browser replaces a subscription (`pushsubscriptionchange`):
 * the new one, as `PushSubscription.toJSON()`, for the signed-in person. Same origin only; the old endpoint is dropped
 * when its push service next answers 410.
 */
export async function POST(request: Request) {
  const refusal = crossOriginRefusal(request);
  if (refusal) return refusal;
  const user = await getCurrentUser();
  if (!user) return failureResponse(SESSION_ENDED);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    return failureResponse(failure("too-large", "Request body too large"));
  const body: unknown = await request.json().catch(() => null);
  const subscription = typeof body === "object" && body !== null ? body : {};
  return resultResponse(await subscribeDevice(user, { ...subscription, userAgent: request.headers.get("user-agent") ?? undefined }));
}
