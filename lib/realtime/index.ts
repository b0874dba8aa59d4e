import http from "node:http";
import https from "node:https";
import Pusher from "pusher";
import { realtimeServerConfig } from "./config";
import { MAX_EVENT_DATA_BYTES } from "./limits";

let client: Pusher | undefined;

/** An idle timeout makes the agent honour the server's keep-alive hint, retiring a socket a second before the server would. */
const KEEP_ALIVE = { keepAlive: true, timeout: 4_000 };

export function pusherServer(): Pusher {
  if (!client) {
    const config = realtimeServerConfig();
    client = new Pusher({
      appId: config.appId,
      key: config.key,
      secret: config.secret,
      useTLS: config.useTLS,
      ...(config.host ? { host: config.host, port: config.port ? String(config.port) : undefined } : { cluster: config.cluster }),
      timeout: 5_000,
      // Connections kept open between publishes: each is then one request, not a TCP (and TLS) handshake too.
      agent: config.useTLS ? new https.Agent(KEEP_ALIVE) : new http.Agent(KEEP_ALIVE),
    });
  }
  return client;
}

/**
 * Publishes an event after the data it describes is committed. Realtime is best effort: a failed or
 * oversized publish is logged and reported as `false`, never thrown, so it can never fail a write;
 * clients catch up from the database when they reconnect.
 */
export async function publish(channel: string, event: string, data: Record<string, unknown>): Promise<boolean> {
  const size = Buffer.byteLength(JSON.stringify(data));
  if (size > MAX_EVENT_DATA_BYTES) {
    console.error(`[realtime] ${event} on ${channel} not sent: ${size} bytes is over the ${MAX_EVENT_DATA_BYTES}-byte limit`);
    return false;
  }
  try {
    await pusherServer().trigger(channel, event, data);
    return true;
  } catch (error) {
    console.error(`[realtime] ${event} on ${channel} not sent: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/**
 * The user ids subscribed to a presence channel right now, or null when the realtime service cannot say
 * (callers then act as if nobody were there: a notification too many beats one lost).
 */
export async function presenceMembers(channel: string): Promise<Set<string> | null> {
  try {
    const response = await pusherServer().get({ path: `/channels/${channel}/users` });
    if (!response.ok) return null;
    const body = (await response.json()) as { users?: { id?: unknown }[] };
    return new Set((body.users ?? []).map((user) => String(user.id)));
  } catch (error) {
    console.error(`[realtime] members of ${channel} unknown: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
