import { SESSION_ENDED } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { failureResponse, resultResponse } from "@/lib/http";
import { getMessage } from "@/lib/messaging/queries";

/** One message (MessageView), for a client that heard of it live, where events carry ids and a preview only. */
export async function GET(_request: Request, { params }: RouteContext<"/api/messages/[messageId]">) {
  const user = await getCurrentUser();
  if (!user) return failureResponse(SESSION_ENDED);
  const { messageId } = await params;
  return resultResponse(await getMessage(user, messageId));
}
