import { SESSION_ENDED } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { crossOriginRefusal, failureResponse, readJsonBody, resultResponse } from "@/lib/http";
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
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  if (!body.ok) return body.response;
  const subscription = typeof body.value === "object" && body.value !== null ? body.value : {};
  return resultResponse(await subscribeDevice(user, { ...subscription, userAgent: request.headers.get("user-agent") ?? undefined }));
}
