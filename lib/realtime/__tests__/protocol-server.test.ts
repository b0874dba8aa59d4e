import Pusher from "pusher";
import PusherClient, { type Channel, type PresenceChannel } from "pusher-js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHash, createHmac } from "node:crypto";
import WebSocket from "ws";
import { startProtocolServer, type ProtocolServer } from "@/lib/realtime/protocol-server";

const app = { appId: "test-app", key: "test-key", secret: "test-secret" };
let server: ProtocolServer;
let publisher: Pusher;
const clients: PusherClient[] = [];

beforeAll(async () => {
  server = await startProtocolServer({ ...app, port: 0 });
  publisher = new Pusher({ ...app, host: "127.0.0.1", port: String(server.port), useTLS: false });
});

afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect();
});

afterAll(() => server.close());

/** A pusher-js client whose channel authorization is signed with `secret` (the real one unless a test forges it). */
function connect(options: { secret?: string; user?: { id: string; info?: Record<string, unknown> } } = {}): PusherClient {
  const signer = new Pusher({ ...app, secret: options.secret ?? app.secret, host: "127.0.0.1", port: String(server.port), useTLS: false });
  const client = new PusherClient(app.key, {
    cluster: "local",
    wsHost: "127.0.0.1",
    wsPort: server.port,
    forceTLS: false,
    enabledTransports: ["ws"],
    disableStats: true,
    channelAuthorization: {
      transport: "ajax",
      endpoint: "unused",
      customHandler: ({ socketId, channelName }, callback) => {
        const presence =
          channelName.startsWith("presence-") && options.user
            ? { user_id: options.user.id, user_info: options.user.info ?? {} }
            : undefined;
        callback(null, signer.authorizeChannel(socketId, channelName, presence));
      },
    },
  });
  clients.push(client);
  return client;
}

/** A request signed the way the HTTP API expects, for cases the SDK refuses to send. */
function signedPost(path: string, body: unknown, timestamp = Date.now() / 1000) {
  const json = JSON.stringify(body);
  const query = new URLSearchParams({
    auth_key: app.key,
    auth_timestamp: String(Math.floor(timestamp)),
    auth_version: "1.0",
    body_md5: createHash("md5").update(json).digest("hex"),
  });
  const toSign = `POST\n${path}\n${[...query.entries()]
    .sort()
    .map(([k, v]) => `${k}=${v}`)
    .join("&")}`;
  query.set("auth_signature", createHmac("sha256", app.secret).update(toSign).digest("hex"));
  return fetch(`http://127.0.0.1:${server.port}${path}?${query}`, {
    method: "POST",
    body: json,
    headers: { "content-type": "application/json" },
  });
}

const subscribed = (channel: Channel) =>
  new Promise<unknown>((resolve, reject) => {
    channel.bind("pusher:subscription_succeeded", resolve);
    channel.bind("pusher:subscription_error", reject);
  });

const next = <T>(channel: Channel, event: string) => new Promise<T>((resolve) => channel.bind(event, resolve));

describe("local Pusher-protocol server", () => {
  it("delivers an event published by the pusher SDK to two pusher-js clients", async () => {
    const [a, b] = [connect(), connect()];
    const channels = [a.subscribe("lessons"), b.subscribe("lessons")];
    await Promise.all(channels.map(subscribed));
    const received = channels.map((channel) => next<{ id: string }>(channel, "lesson.updated"));
    await publisher.trigger("lessons", "lesson.updated", { id: "L1" });
    expect(await Promise.all(received)).toEqual([{ id: "L1" }, { id: "L1" }]);
  });

  it("subscribes to a private channel with a valid signature and delivers batches", async () => {
    const channel = connect().subscribe("private-user-1");
    await subscribed(channel);
    const first = next<{ n: number }>(channel, "notification.created");
    await publisher.triggerBatch([{ channel: "private-user-1", name: "notification.created", data: { n: 1 } }]);
    expect(await first).toEqual({ n: 1 });
  });

  it("refuses a private subscription signed with the wrong secret", async () => {
    const channel = connect({ secret: "not-the-secret" }).subscribe("private-user-2");
    await expect(subscribed(channel)).rejects.toMatchObject({ type: "AuthError", status: 401 });
  });

  it("refuses a private subscription with no signature at all", async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/app/${app.key}?protocol=7`);
    const messages: { event: string; channel?: string; data: string }[] = [];
    socket.on("message", (raw) => messages.push(JSON.parse(raw.toString())));
    await new Promise((resolve) => socket.once("open", resolve));
    await expect.poll(() => messages.length).toBe(1);
    socket.send(JSON.stringify({ event: "pusher:subscribe", data: { channel: "private-user-3" } }));
    await expect.poll(() => messages.map((message) => message.event)).toContain("pusher:subscription_error");
    socket.close();
  });

  it("answers ping with pong and refuses an unknown app key", async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/app/${app.key}?protocol=7`);
    const events: string[] = [];
    socket.on("message", (raw) => events.push(JSON.parse(raw.toString()).event));
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(JSON.stringify({ event: "pusher:ping", data: {} }));
    await expect.poll(() => events).toEqual(["pusher:connection_established", "pusher:pong"]);
    socket.close();

    const stranger = new WebSocket(`ws://127.0.0.1:${server.port}/app/wrong-key?protocol=7`);
    const code = await new Promise<number>((resolve) => stranger.once("close", resolve));
    expect(code).toBe(4001);
  });

  it("keeps presence member lists and announces members joining and leaving", async () => {
    const alice = connect({ user: { id: "alice", info: { name: "Alice" } } });
    const aliceChannel = alice.subscribe("presence-connection-1") as PresenceChannel;
    await subscribed(aliceChannel);
    expect(aliceChannel.members.count).toBe(1);

    const joined = next<{ id: string; info: { name: string } }>(aliceChannel, "pusher:member_added");
    const bob = connect({ user: { id: "bob", info: { name: "Bob" } } });
    const bobChannel = bob.subscribe("presence-connection-1") as PresenceChannel;
    await subscribed(bobChannel);
    expect(await joined).toEqual({ id: "bob", info: { name: "Bob" } });
    expect(bobChannel.members.count).toBe(2);
    expect(bobChannel.members.get("alice")).toEqual({ id: "alice", info: { name: "Alice" } });

    const left = next<{ id: string }>(aliceChannel, "pusher:member_removed");
    bob.disconnect();
    expect((await left).id).toBe("bob");
  });

  it("forgets connections that close, so presence and delivery never leak", async () => {
    await expect.poll(() => server.connectionCount()).toBe(0);
    const client = connect();
    await subscribed(client.subscribe("room-x"));
    expect(server.connectionCount()).toBe(1);
    client.disconnect();
    await expect.poll(() => server.connectionCount()).toBe(0);
  });

  it("relays client events to the other members of a private channel, not back to the sender", async () => {
    const [a, b] = [connect(), connect()];
    const [channelA, channelB] = [a.subscribe("private-chat-9"), b.subscribe("private-chat-9")];
    await Promise.all([subscribed(channelA), subscribed(channelB)]);
    let echoed = false;
    channelA.bind("client-typing", () => (echoed = true));
    const typing = next<{ typing: boolean }>(channelB, "client-typing");
    channelA.trigger("client-typing", { typing: true });
    expect(await typing).toEqual({ typing: true });
    expect(echoed).toBe(false);
  });

  it("relays client events on a presence channel among its members only, naming the sender", async () => {
    const [alice, bob] = [connect({ user: { id: "alice" } }), connect({ user: { id: "bob" } })];
    const [aliceChannel, bobChannel] = [alice.subscribe("presence-connection-7"), bob.subscribe("presence-connection-7")];
    await Promise.all([subscribed(aliceChannel), subscribed(bobChannel)]);
    const typing = new Promise<{ data: unknown; userId?: string }>((resolve) =>
      bobChannel.bind("client-typing", (data: unknown, metadata?: { user_id?: string }) => resolve({ data, userId: metadata?.user_id })),
    );
    aliceChannel.trigger("client-typing", { userId: "alice" });
    expect(await typing).toEqual({ data: { userId: "alice" }, userId: "alice" });

    // A socket that is not a member cannot speak on the channel: it is told so, and nobody hears it.
    let overheard = false;
    bobChannel.bind("client-forged", () => (overheard = true));
    const outsider = new WebSocket(`ws://127.0.0.1:${server.port}/app/${app.key}?protocol=7`);
    const received: { event: string; data: string }[] = [];
    outsider.on("message", (raw) => received.push(JSON.parse(raw.toString())));
    await new Promise((resolve) => outsider.once("open", resolve));
    await expect.poll(() => received.length).toBe(1);
    outsider.send(JSON.stringify({ event: "client-forged", channel: "presence-connection-7", data: { userId: "alice" } }));
    await expect.poll(() => received.map((message) => message.event)).toContain("pusher:error");
    expect(JSON.parse(received.at(-1)!.data)).toMatchObject({ code: 4301 });
    // Alice's next event arrives after any relayed forgery would have.
    const after = next(bobChannel, "client-typing");
    aliceChannel.trigger("client-typing", { userId: "alice" });
    await after;
    expect(overheard).toBe(false);
    outsider.close();
  });

  it("answers the HTTP API's presence query with the members of the channel, signed requests only", async () => {
    const users = async () =>
      ((await (await publisher.get({ path: "/channels/presence-connection-8/users" })).json()) as { users: unknown[] }).users;
    expect(await users()).toEqual([]);
    const [first, second] = [connect({ user: { id: "alice" } }), connect({ user: { id: "alice" } })];
    await Promise.all([subscribed(first.subscribe("presence-connection-8")), subscribed(second.subscribe("presence-connection-8"))]);
    expect(await users()).toEqual([{ id: "alice" }]);
    first.disconnect();
    second.disconnect();
    await expect.poll(users).toEqual([]);

    const forged = new Pusher({ ...app, secret: "wrong", host: "127.0.0.1", port: String(server.port), useTLS: false });
    await expect(forged.get({ path: "/channels/presence-connection-8/users" })).rejects.toMatchObject({ status: 401 });
    await expect(publisher.get({ path: "/channels/private-user-1/users" })).rejects.toMatchObject({ status: 400 });
  });

  it("excludes the sender's socket when the API names it", async () => {
    const [a, b] = [connect(), connect()];
    const [channelA, channelB] = [a.subscribe("room"), b.subscribe("room")];
    await Promise.all([subscribed(channelA), subscribed(channelB)]);
    let aGotIt = false;
    channelA.bind("said", () => (aGotIt = true));
    const bGotIt = next(channelB, "said");
    await publisher.trigger("room", "said", { text: "hi" }, { socket_id: a.connection.socket_id });
    await bGotIt;
    expect(aGotIt).toBe(false);
  });

  it("answers 401 to API calls with a bad signature, and limits payloads", async () => {
    const forged = new Pusher({ ...app, secret: "wrong", host: "127.0.0.1", port: String(server.port), useTLS: false });
    await expect(forged.trigger("room", "x", {})).rejects.toMatchObject({ status: 401 });

    const unsigned = await fetch(`http://127.0.0.1:${server.port}/apps/${app.appId}/events`, {
      method: "POST",
      body: JSON.stringify({ name: "x", channel: "room", data: "{}" }),
    });
    expect(unsigned.status).toBe(401);

    await expect(publisher.trigger("room", "big", { blob: "x".repeat(11 * 1024) })).rejects.toMatchObject({ status: 413 });
    const badChannel = await signedPost(`/apps/${app.appId}/events`, { name: "x", channel: "bad channel!", data: "{}" });
    expect(badChannel.status).toBe(400);
    const tooMany = await signedPost(`/apps/${app.appId}/batch_events`, {
      batch: Array.from({ length: 11 }, () => ({ name: "x", channel: "room", data: "{}" })),
    });
    expect(tooMany.status).toBe(400);
    const stale = await signedPost(`/apps/${app.appId}/events`, { name: "x", channel: "room", data: "{}" }, Date.now() / 1000 - 3600);
    expect(stale.status).toBe(401);
  });
});
