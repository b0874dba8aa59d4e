import { createHash, createHmac, randomInt, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import { z } from "zod";
import { MAX_EVENT_DATA_BYTES } from "./limits";

/** Pusher Channels protocol 7, enough for the unmodified `pusher` SDK and `pusher-js`: embedded mode's stand-in for Pusher/Soketi. */

export interface ProtocolServerOptions {
  appId: string;
  key: string;
  secret: string;
  port?: number;
  host?: string;
  activityTimeoutSeconds?: number;
  pongTimeoutSeconds?: number;
  /** Pages allowed to connect (`https://musbook.example`); unset, any page may (the embedded server's own pages). */
  allowedOrigins?: string[];
}

export interface ProtocolServer {
  port: number;
  close(): Promise<void>;
  connectionCount(): number;
}

const MAX_HTTP_BODY_BYTES = 256 * 1024;
const MAX_MESSAGE_BYTES = 16 * 1024;
const MAX_CHANNELS_PER_EVENT = 100;
const MAX_BATCH = 10;
const CLIENT_EVENTS_PER_SECOND = 10;
const AUTH_TIMESTAMP_WINDOW_SECONDS = 600;

export const CHANNEL_NAME = /^[A-Za-z0-9_\-=@,.;]{1,164}$/;
const SOCKET_ID = /^\d+\.\d+$/;

interface PresenceMember {
  userId: string;
  userInfo: unknown;
}

interface Connection {
  socket: WebSocket;
  socketId: string;
  channels: Map<string, PresenceMember | null>;
  lastSeen: number;
  pingSentAt?: number;
  clientEventWindow: { startedAt: number; count: number };
}

const eventSchema = z.object({
  name: z.string().min(1).max(200),
  data: z.string(),
  channel: z.string().optional(),
  channels: z.array(z.string()).max(MAX_CHANNELS_PER_EVENT).optional(),
  socket_id: z.string().regex(SOCKET_ID).optional(),
});
const batchSchema = z.object({ batch: z.array(eventSchema).max(MAX_BATCH) });

const hmac = (secret: string, value: string) => createHmac("sha256", secret).update(value).digest("hex");

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const frame = (event: string, data: unknown, channel?: string) =>
  JSON.stringify({ event, ...(channel ? { channel } : {}), data: typeof data === "string" ? data : JSON.stringify(data) });

export function startProtocolServer(options: ProtocolServerOptions): Promise<ProtocolServer> {
  const activityTimeout = options.activityTimeoutSeconds ?? 120;
  const pongTimeout = options.pongTimeoutSeconds ?? 30;
  const connections = new Map<string, Connection>();
  const channels = new Map<string, Set<Connection>>();

  const membersOf = (channel: string) => {
    const members = new Map<string, unknown>();
    for (const connection of channels.get(channel) ?? []) {
      const member = connection.channels.get(channel);
      if (member && !members.has(member.userId)) members.set(member.userId, member.userInfo);
    }
    return members;
  };

  const broadcast = (channel: string, message: string, except?: Connection) => {
    for (const connection of channels.get(channel) ?? []) {
      if (connection !== except && connection.socket.readyState === connection.socket.OPEN) connection.socket.send(message);
    }
  };

  const leave = (connection: Connection, channel: string) => {
    const member = connection.channels.get(channel);
    if (!connection.channels.delete(channel)) return;
    const subscribers = channels.get(channel);
    subscribers?.delete(connection);
    if (subscribers?.size === 0) channels.delete(channel);
    if (member && !membersOf(channel).has(member.userId)) {
      broadcast(channel, frame("pusher_internal:member_removed", { user_id: member.userId }, channel));
    }
  };

  const subscriptionError = (connection: Connection, channel: string, error: string, status = 401) =>
    connection.socket.send(frame("pusher:subscription_error", { type: "AuthError", error, status }, channel));

  const subscribe = (connection: Connection, data: unknown) => {
    const parsed = z.object({ channel: z.string(), auth: z.string().optional(), channel_data: z.string().optional() }).safeParse(data);
    if (!parsed.success || !CHANNEL_NAME.test(parsed.data.channel)) {
      connection.socket.send(frame("pusher:error", { code: 4009, message: "Invalid subscription" }));
      return;
    }
    const { channel, auth, channel_data: channelData } = parsed.data;
    if (connection.channels.has(channel)) return;
    const isPresence = channel.startsWith("presence-");
    const isPrivate = isPresence || channel.startsWith("private-");
    let member: PresenceMember | null = null;

    if (isPrivate) {
      const signed = isPresence ? `${connection.socketId}:${channel}:${channelData ?? ""}` : `${connection.socketId}:${channel}`;
      const expected = `${options.key}:${hmac(options.secret, signed)}`;
      if (!auth || !safeEqual(auth, expected)) {
        subscriptionError(connection, channel, "Invalid signature");
        return;
      }
      if (isPresence) {
        const presence = z
          .object({ user_id: z.union([z.string().min(1).max(128), z.number()]), user_info: z.unknown().optional() })
          .safeParse(safeJson(channelData));
        if (!presence.success) {
          subscriptionError(connection, channel, "Invalid presence data", 400);
          return;
        }
        member = { userId: String(presence.data.user_id), userInfo: presence.data.user_info ?? {} };
      }
    }

    const alreadyPresent = member ? membersOf(channel).has(member.userId) : true;
    connection.channels.set(channel, member);
    let subscribers = channels.get(channel);
    if (!subscribers) channels.set(channel, (subscribers = new Set()));
    subscribers.add(connection);

    if (member) {
      const members = membersOf(channel);
      const hash = Object.fromEntries(members);
      connection.socket.send(
        frame("pusher_internal:subscription_succeeded", { presence: { ids: [...members.keys()], hash, count: members.size } }, channel),
      );
      if (!alreadyPresent) {
        broadcast(
          channel,
          frame("pusher_internal:member_added", { user_id: member.userId, user_info: member.userInfo }, channel),
          connection,
        );
      }
    } else {
      connection.socket.send(frame("pusher_internal:subscription_succeeded", {}, channel));
    }
  };

  const clientEvent = (connection: Connection, message: { event: string; channel?: unknown; data?: unknown }) => {
    const channel = typeof message.channel === "string" ? message.channel : "";
    const isAuthenticated = channel.startsWith("private-") || channel.startsWith("presence-");
    if (!isAuthenticated || !connection.channels.has(channel)) {
      connection.socket.send(frame("pusher:error", { code: 4301, message: "Client events need a subscribed private or presence channel" }));
      return;
    }
    const now = Date.now();
    const window = connection.clientEventWindow;
    if (now - window.startedAt >= 1000) Object.assign(window, { startedAt: now, count: 0 });
    if (++window.count > CLIENT_EVENTS_PER_SECOND) {
      connection.socket.send(frame("pusher:error", { code: 4301, message: "Client event rate limit reached" }));
      return;
    }
    const data = typeof message.data === "string" ? message.data : JSON.stringify(message.data ?? {});
    if (Buffer.byteLength(data) > MAX_EVENT_DATA_BYTES) {
      connection.socket.send(frame("pusher:error", { code: 4301, message: "Client event too large" }));
      return;
    }
    const member = connection.channels.get(channel);
    const payload = JSON.stringify({ event: message.event, channel, data, ...(member ? { user_id: member.userId } : {}) });
    broadcast(channel, payload, connection);
  };

  const onMessage = (connection: Connection, raw: string) => {
    connection.lastSeen = Date.now();
    connection.pingSentAt = undefined;
    const message = safeJson(raw) as { event?: unknown; data?: unknown; channel?: unknown } | undefined;
    if (!message || typeof message.event !== "string") return;
    const data = typeof message.data === "string" ? (safeJson(message.data) ?? message.data) : message.data;
    switch (message.event) {
      case "pusher:ping":
        connection.socket.send(frame("pusher:pong", {}));
        return;
      case "pusher:pong":
        return;
      case "pusher:subscribe":
        subscribe(connection, data);
        return;
      case "pusher:unsubscribe": {
        const channel = (data as { channel?: unknown } | undefined)?.channel;
        if (typeof channel === "string") leave(connection, channel);
        return;
      }
      default:
        if (message.event.startsWith("client-"))
          clientEvent(connection, { event: message.event, channel: message.channel, data: message.data });
    }
  };

  const deliver = (event: z.infer<typeof eventSchema>) => {
    const targets = event.channels ?? (event.channel ? [event.channel] : []);
    const except = event.socket_id ? connections.get(event.socket_id) : undefined;
    for (const channel of targets) broadcast(channel, JSON.stringify({ event: event.name, channel, data: event.data }), except);
  };

  const verifyRequest = (method: string, path: string, query: URLSearchParams, body: string): string | null => {
    const signature = query.get("auth_signature");
    if (query.get("auth_key") !== options.key || !signature) return "Unknown auth_key or missing signature";
    const timestamp = Number(query.get("auth_timestamp"));
    if (!Number.isFinite(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > AUTH_TIMESTAMP_WINDOW_SECONDS) {
      return "Timestamp expired";
    }
    if (body && query.get("body_md5") !== createHash("md5").update(body).digest("hex")) return "body_md5 does not match";
    const params = [...query.entries()]
      .filter(([name]) => name !== "auth_signature")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => `${name}=${value}`)
      .join("&");
    return safeEqual(signature, hmac(options.secret, `${method}\n${path}\n${params}`)) ? null : "Invalid signature";
  };

  const validateEvent = (event: z.infer<typeof eventSchema>): string | null => {
    const targets = event.channels ?? (event.channel ? [event.channel] : []);
    if (targets.length === 0) return "An event needs a channel";
    if (targets.some((channel) => !CHANNEL_NAME.test(channel))) return "Invalid channel name";
    if (Buffer.byteLength(event.data) > MAX_EVENT_DATA_BYTES) return `Event data over ${MAX_EVENT_DATA_BYTES} bytes`;
    return null;
  };

  const server = http.createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const url = new URL(request.url ?? "/", "http://localhost");
    const users = /^\/apps\/([^/]+)\/channels\/([^/]+)\/users$/.exec(url.pathname);
    if (request.method === "GET" && users) {
      // The HTTP API's presence query: who is subscribed right now (a user once, however many tabs).
      if (users[1] !== options.appId) return reply(404, { error: "Unknown app" });
      const problem = verifyRequest("GET", url.pathname, url.searchParams, "");
      if (problem) return reply(401, { error: problem });
      const channel = decodeURIComponent(users[2]!);
      if (!channel.startsWith("presence-") || !CHANNEL_NAME.test(channel)) return reply(400, { error: "Not a presence channel" });
      return reply(200, { users: [...membersOf(channel).keys()].map((id) => ({ id })) });
    }
    const match = /^\/apps\/([^/]+)\/(events|batch_events)$/.exec(url.pathname);
    if (request.method !== "POST" || !match) return reply(404, { error: "Not found" });
    if (match[1] !== options.appId) return reply(404, { error: "Unknown app" });

    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_HTTP_BODY_BYTES) {
        reply(413, { error: "Request body too large" });
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (response.writableEnded) return;
      const body = Buffer.concat(chunks).toString("utf8");
      const problem = verifyRequest("POST", url.pathname, url.searchParams, body);
      if (problem) return reply(401, { error: problem });
      const json = safeJson(body);
      if (match[2] === "events") {
        const event = eventSchema.safeParse(json);
        if (!event.success) return reply(400, { error: "Invalid event" });
        const invalid = validateEvent(event.data);
        if (invalid) return reply(invalid.includes("bytes") ? 413 : 400, { error: invalid });
        deliver(event.data);
        return reply(200, {});
      }
      const batch = batchSchema.safeParse(json);
      if (!batch.success) return reply(400, { error: `Invalid batch (at most ${MAX_BATCH} events)` });
      for (const event of batch.data.batch) {
        const invalid = validateEvent(event);
        if (invalid) return reply(invalid.includes("bytes") ? 413 : 400, { error: invalid });
      }
      batch.data.batch.forEach(deliver);
      return reply(200, { batch: batch.data.batch.map(() => ({})) });
    });
  });

  const sockets = new WebSocketServer({ server, maxPayload: MAX_MESSAGE_BYTES });
  sockets.on("connection", (socket, request) => {
    if (options.allowedOrigins && !options.allowedOrigins.includes(request.headers.origin ?? "")) {
      socket.send(frame("pusher:error", { code: 4009, message: "Connections from this origin are not allowed" }));
      socket.close(4009, "Origin not allowed");
      return;
    }
    const url = new URL(request.url ?? "/", "http://localhost");
    const keyMatch = /^\/app\/([^/?]+)$/.exec(url.pathname);
    if (!keyMatch || keyMatch[1] !== options.key) {
      socket.send(frame("pusher:error", { code: 4001, message: "App key not in this cluster" }));
      socket.close(4001, "Unknown app key");
      return;
    }
    if (url.searchParams.get("protocol") !== "7") {
      socket.send(frame("pusher:error", { code: 4007, message: "Unsupported protocol version" }));
      socket.close(4007, "Unsupported protocol version");
      return;
    }
    let socketId: string;
    do socketId = `${randomInt(1, 2 ** 31)}.${randomInt(1, 2 ** 31)}`;
    while (connections.has(socketId));
    const connection: Connection = {
      socket,
      socketId,
      channels: new Map(),
      lastSeen: Date.now(),
      clientEventWindow: { startedAt: 0, count: 0 },
    };
    connections.set(socketId, connection);
    socket.send(frame("pusher:connection_established", { socket_id: socketId, activity_timeout: activityTimeout }));
    socket.on("message", (raw) => onMessage(connection, raw.toString()));
    socket.on("close", () => {
      for (const channel of [...connection.channels.keys()]) leave(connection, channel);
      connections.delete(socketId);
    });
    socket.on("error", () => socket.terminate());
  });

  const heartbeat = setInterval(() => {
    const now = Date.now();
    for (const connection of connections.values()) {
      if (connection.pingSentAt && now - connection.pingSentAt > pongTimeout * 1000) {
        connection.socket.close(4201, "Pong reply not received");
      } else if (!connection.pingSentAt && now - connection.lastSeen > activityTimeout * 1000) {
        connection.pingSentAt = now;
        connection.socket.send(frame("pusher:ping", {}));
      }
    }
  }, 1000);
  heartbeat.unref();

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        connectionCount: () => connections.size,
        close: () =>
          new Promise<void>((done) => {
            clearInterval(heartbeat);
            for (const connection of connections.values()) connection.socket.terminate();
            sockets.close();
            server.close(() => done());
          }),
      });
    });
  });
}

function safeJson(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}
