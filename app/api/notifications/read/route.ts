import { getCurrentUser } from "@/lib/auth/session";
import { crossOriginRefusal, PRIVATE_NO_STORE } from "@/lib/http";
import { markNotificationsRead } from "@/lib/notifications";

// A hundred ids fit in a few kilobytes.
const MAX_BODY_BYTES = 16_384;

/** Marks notifications read: JSON `{ "ids": [...] }` or `{ "all": true }`. */
export async function POST(request: Request) {
  const refusal = crossOriginRefusal(request);
  if (refusal) return refusal;
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first" }, { status: 401, headers: PRIVATE_NO_STORE });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return Response.json({ error: "Request body too large" }, { status: 413, headers: PRIVATE_NO_STORE });
  }
  const body: unknown = await request.json().catch(() => null);
  const result = await markNotificationsRead(user, body);
  if (!result.ok) return Response.json({ error: result.error, fieldErrors: result.fieldErrors }, { status: 400, headers: PRIVATE_NO_STORE });
  return Response.json(result.data, { headers: PRIVATE_NO_STORE });
}
