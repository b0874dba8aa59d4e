import type { User } from "@/db/schema";
import { findConnectionFor } from "@/lib/access";
import { failure, type ActionFailure } from "@/lib/actions";
import { pusherServer } from "./index";
import { parseChannel, SOCKET_ID } from "./channels";

export type ChannelAuthorization = { ok: true; body: { auth: string; channel_data?: string } } | ActionFailure;

/**
 * May this signed-in user listen on this channel? Their own user channel, and the presence channel of
 * an accepted connection they are a party to (membership read from the database on every request, so
 * a party who ended the connection is refused at once). The answer is signed for this socket only.
 */
export async function authorizeChannel(
  user: Pick<User, "id" | "role" | "name">,
  socketId: string,
  channelName: string,
): Promise<ChannelAuthorization> {
  if (!SOCKET_ID.test(socketId)) return failure("invalid", "Invalid socket id");
  const channel = parseChannel(channelName);
  if (!channel) return failure("forbidden", "Unknown channel");
  if (channel.kind === "user" && channel.userId === user.id) {
    return { ok: true, body: pusherServer().authorizeChannel(socketId, channelName) };
  }
  if (channel.kind === "connection" && (await findConnectionFor(user, channel.connectionId))) {
    const member = { user_id: user.id, user_info: { name: user.name } };
    return { ok: true, body: pusherServer().authorizeChannel(socketId, channelName, member) };
  }
  return failure("forbidden", "Not allowed on this channel");
}
