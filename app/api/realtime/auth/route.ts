import { z } from "zod";
import { failure, SESSION_ENDED } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { crossOriginRefusal, failureResponse } from "@/lib/http";
import { authorizeChannel } from "@/lib/realtime/authorize";

const bodySchema = z.object({ socket_id: z.string().max(64), channel_name: z.string().max(200) });

/** pusher-js asks here (form-encoded) before subscribing to a private or presence channel. */
export async function POST(request: Request) {
  const refusal = crossOriginRefusal(request);
  if (refusal) return refusal;
  const user = await getCurrentUser();
  if (!user) return failureResponse(SESSION_ENDED);
  const form = await request.formData().catch(() => null);
  const parsed = bodySchema.safeParse(form ? Object.fromEntries(form) : null);
  if (!parsed.success) return failureResponse(failure("invalid", "socket_id and channel_name are required"));
  const result = await authorizeChannel(user, parsed.data.socket_id, parsed.data.channel_name);
  return result.ok ? Response.json(result.body) : failureResponse(result);
}
