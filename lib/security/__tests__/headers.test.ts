import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function policyWith(env: Record<string, string>, development = false) {
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  vi.resetModules();
  const { contentSecurityPolicy } = await import("@/lib/security/headers");
  return contentSecurityPolicy("abc123", "studio.example", development);
}

describe("content security policy", () => {
  it("allows scripts only with the nonce, and never eval in production", async () => {
    const policy = await policyWith({});
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"])
      expect(policy).toContain(directive);
  });

  it("lets pusher-js reach the embedded server on the page's host, a Soketi host, or the Pusher cluster", async () => {
    expect(await policyWith({ REALTIME_PORT: "6001" })).toContain("connect-src 'self' ws://studio.example:6001 wss://studio.example:6001");
    expect(await policyWith({ PUSHER_APP_ID: "1", PUSHER_KEY: "k", PUSHER_SECRET: "s", PUSHER_CLUSTER: "eu" })).toContain(
      "connect-src 'self' wss://ws-eu.pusher.com",
    );
    expect(
      await policyWith({ PUSHER_APP_ID: "1", PUSHER_KEY: "k", PUSHER_SECRET: "s", PUSHER_HOST: "soketi.internal", PUSHER_PORT: "6002" }),
    ).toContain("wss://soketi.internal:6002");
  });

  it("adds eval only for the development server (React refresh)", async () => {
    expect(await policyWith({}, true)).toContain("'unsafe-eval'");
  });
});
