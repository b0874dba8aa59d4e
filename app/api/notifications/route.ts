import { invalid, SESSION_ENDED } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { failureResponse, PRIVATE_NO_STORE } from "@/lib/http";
import { listNotifications } from "@/lib/notifications";
import { notificationListQuerySchema } from "@/lib/notifications/schemas";

/** The signed-in user's notifications, newest first: `?status=unread&category=lessons&page=2&limit=8`. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return failureResponse(SESSION_ENDED);
  const parsed = notificationListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return failureResponse(invalid(parsed.error, "Unknown filter or page"));
  return Response.json(await listNotifications(user, parsed.data), { headers: PRIVATE_NO_STORE });
}
