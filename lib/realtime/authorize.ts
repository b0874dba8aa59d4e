import type { User } from "@/db/schema";
import { pusherServer } from "./index";
import { parseChannel, SOCKET_ID } from "./channels";

export type ChannelAuthorization =
  | { ok: true; body: { auth: string; channel_data?: string } }
  | { ok: false; status: 400 | 403; error: string };

/**
 * May this signed-in user listen on this channel? Until connections exist, a user may join only their
 * own user channel. The answer is signed for this socket only.
 */
export async function authorizeChannel(user: Pick<User, "id">, socketId: string, channelName: string): Promise<ChannelAuthorization> {
  if (!SOCKET_ID.test(socketId)) return { ok: false, status: 400, error: "Invalid socket id" };
  const channel = parseChannel(channelName);
  if (!channel) return { ok: false, status: 403, error: "Unknown channel" };
  if (channel.kind === "user" && channel.userId === user.id) {
    return { ok: true, body: pusherServer().authorizeChannel(socketId, channelName) };
  }
  return { ok: false, status: 403, error: "Not allowed on this channel" };
}
