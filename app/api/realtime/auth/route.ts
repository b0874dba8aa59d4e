import { z } from "zod";
import { failure, SESSION_ENDED } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { crossOriginRefusal, failureResponse, readFormBody } from "@/lib/http";
import { authorizeChannel } from "@/lib/realtime/authorize";

const bodySchema = z.object({ socket_id: z.string().max(64), channel_name: z.string().max(200) });
// pusher-js sends the socket id and the channel name: a few hundred bytes.
const MAX_BODY_BYTES = 2_048;

/** pusher-js asks here (form-encoded) before subscribing to a private or presence channel. */
export async function POST(request: Request) {
  const refusal = crossOriginRefusal(request);
  if (refusal) return refusal;
  const user = await getCurrentUser();
  if (!user) return failureResponse(SESSION_ENDED);
  const form = await readFormBody(request, MAX_BODY_BYTES);
  if (!form.ok) return form.response;
  const parsed = bodySchema.safeParse(form.value);
  if (!parsed.success) return failureResponse(failure("invalid", "socket_id and channel_name are required"));
  const result = await authorizeChannel(user, parsed.data.socket_id, parsed.data.channel_name);
  return result.ok ? Response.json(result.body) : failureResponse(result);
}
