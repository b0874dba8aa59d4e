import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { crossOriginRefusal } from "@/lib/http";
import { authorizeChannel } from "@/lib/realtime/authorize";

const bodySchema = z.object({ socket_id: z.string().max(64), channel_name: z.string().max(200) });

/** pusher-js asks here (form-encoded) before subscribing to a private or presence channel. */
export async function POST(request: Request) {
  const refusal = crossOriginRefusal(request);
  if (refusal) return refusal;
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first" }, { status: 401 });
  const form = await request.formData().catch(() => null);
  const parsed = bodySchema.safeParse(form ? Object.fromEntries(form) : null);
  if (!parsed.success) return Response.json({ error: "socket_id and channel_name are required" }, { status: 400 });
  const result = await authorizeChannel(user, parsed.data.socket_id, parsed.data.channel_name);
  return result.ok ? Response.json(result.body) : Response.json({ error: result.error }, { status: result.status });
}
