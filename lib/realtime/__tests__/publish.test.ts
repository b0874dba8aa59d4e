import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ProtocolServer } from "@/lib/realtime/protocol-server";

let server: ProtocolServer;

beforeAll(async () => {
  const { startProtocolServer } = await import("@/lib/realtime/protocol-server");
  const { realtimeServerConfig } = await import("@/lib/realtime/config");
  const config = realtimeServerConfig();
  server = await startProtocolServer({ appId: config.appId, key: config.key, secret: config.secret, port: 0 });
  vi.stubEnv("REALTIME_PORT", String(server.port));
  vi.resetModules();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

describe("publish", () => {
  it("reaches a pusher-js client subscribed through the embedded server", async () => {
    const { publish } = await import("@/lib/realtime");
    const { realtimeClientConfig } = await import("@/lib/realtime/config");
    const { default: PusherClient } = await import("pusher-js");
    const config = realtimeClientConfig();
    const client = new PusherClient(config.key, {
      cluster: config.cluster,
      wsHost: "127.0.0.1",
      wsPort: config.wsPort,
      forceTLS: false,
      enabledTransports: ["ws"],
    });
    const channel = client.subscribe("announcements");
    await new Promise((resolve) => channel.bind("pusher:subscription_succeeded", resolve));
    const received = new Promise((resolve) => channel.bind("hello", resolve));
    expect(await publish("announcements", "hello", { id: "n1" })).toBe(true);
    expect(await received).toEqual({ id: "n1" });
    client.disconnect();
  });

  it("reuses one kept-alive connection for publishes in a row", async () => {
    const { publish, pusherServer } = await import("@/lib/realtime");
    for (const id of ["k1", "k2", "k3"]) expect(await publish("announcements", "hello", { id })).toBe(true);
    const agent = (pusherServer() as unknown as { config: { agent: import("node:http").Agent } }).config.agent;
    expect(Object.values(agent.freeSockets).flat()).toHaveLength(1);
    expect(Object.values(agent.sockets).flat()).toHaveLength(0);
  });

  it("never throws when the realtime service is down: it reports false", async () => {
    vi.stubEnv("REALTIME_PORT", "1");
    vi.resetModules();
    const { publish } = await import("@/lib/realtime");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(publish("announcements", "hello", { id: "n2" })).resolves.toBe(false);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it("refuses payloads over 10 KB without sending them", async () => {
    const { publish } = await import("@/lib/realtime");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(publish("announcements", "big", { body: "x".repeat(11_000) })).resolves.toBe(false);
    expect(String(errors.mock.calls[0]?.[0])).toMatch(/over the 10240-byte limit/);
    errors.mockRestore();
  });
});
