import { getCurrentUser } from "@/lib/auth/session";
import { PRIVATE_NO_STORE } from "@/lib/http";
import { listNotifications } from "@/lib/notifications";
import { notificationListQuerySchema } from "@/lib/notifications/schemas";

/** The signed-in user's notifications, newest first: `?status=unread&category=lessons&page=2&limit=8`. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first" }, { status: 401, headers: PRIVATE_NO_STORE });
  const parsed = notificationListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return Response.json({ error: "Unknown filter or page", issues: parsed.error.issues.map((issue) => issue.message) }, { status: 400, headers: PRIVATE_NO_STORE });
  }
  return Response.json(await listNotifications(user, parsed.data), { headers: PRIVATE_NO_STORE });
}
