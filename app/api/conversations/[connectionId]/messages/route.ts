import { SESSION_ENDED } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { failureResponse, resultResponse } from "@/lib/http";
import { loadThread } from "@/lib/messaging/queries";

/** A page of a thread (ThreadPage): the newest, `?before=<seq>` for older, `?after=<seq>` to catch up after a reconnect. */
export async function GET(request: Request, { params }: RouteContext<"/api/conversations/[connectionId]/messages">) {
  const user = await getCurrentUser();
  if (!user) return failureResponse(SESSION_ENDED);
  const { connectionId } = await params;
  return resultResponse(await loadThread(user, connectionId, Object.fromEntries(new URL(request.url).searchParams)));
}
