import { invalid, SESSION_ENDED } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { failureResponse, PRIVATE_NO_STORE } from "@/lib/http";
import { conversationListQuerySchema } from "@/lib/messaging/schemas";
import { listConversations } from "@/lib/messaging/queries";

/** The signed-in user's inbox (ConversationSummary[]), optionally searched by name or message text: `?q=grade 5`. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return failureResponse(SESSION_ENDED);
  const parsed = conversationListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return failureResponse(invalid(parsed.error, "Unknown search"));
  return Response.json(await listConversations(user, { query: parsed.data.q }), { headers: PRIVATE_NO_STORE });
}
