import { afterAll, describe, expect, it, vi } from "vitest";

// Loading either module on the publish path would throw: hosted mode must not pull in the embedded WebSocket server.
vi.mock("@/lib/realtime/protocol-server", () => {
  throw new Error("the embedded protocol server was loaded by the publish path");
});
vi.mock("ws", () => {
  throw new Error("ws was loaded by the publish path");
});

vi.stubEnv("PUSHER_APP_ID", "12345");
vi.stubEnv("PUSHER_KEY", "hosted-key");
vi.stubEnv("PUSHER_SECRET", "hosted-secret");
vi.stubEnv("PUSHER_CLUSTER", "eu");

afterAll(() => {
  vi.unstubAllEnvs();
});

describe("publish in hosted mode", () => {
  it("loads without the embedded WebSocket server and still enforces the event size limit", async () => {
    const { publish } = await import("@/lib/realtime");
    const { realtimeServerConfig } = await import("@/lib/realtime/config");
    expect(realtimeServerConfig().mode).toBe("hosted");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(publish("private-user-x", "big", { body: "x".repeat(11_000) })).resolves.toBe(false);
    expect(String(errors.mock.calls[0]?.[0])).toMatch(/over the 10240-byte limit/);
    errors.mockRestore();
  });
});
