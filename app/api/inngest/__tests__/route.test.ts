import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function loadRoute(env: Record<string, string>) {
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  vi.resetModules();
  return import("@/app/api/inngest/route");
}

const invoke = (fnId = "musbook-prune-expired-auth-data") =>
  new Request(`http://localhost:3000/api/inngest?fnId=${fnId}&stepId=step`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ event: { name: "inngest/scheduled.timer", data: {} }, steps: {}, ctx: { run_id: "r1", attempt: 0 } }),
  });

describe("Inngest serve endpoint", () => {
  it("does not exist in embedded mode", async () => {
    const route = await loadRoute({});
    const response = await route.POST(invoke(), {});
    expect(response.status).toBe(404);
  });

  it("refuses an unsigned call in hosted mode: the signing key is enforced", async () => {
    const route = await loadRoute({
      NODE_ENV: "production",
      INNGEST_SIGNING_KEY: "signkey-prod-0123456789abcdef0123456789abcdef",
      INNGEST_EVENT_KEY: "test-event-key",
    });
    const response = await route.POST(invoke(), {});
    expect(response.status).toBe(401);
  });

  it("refuses a call with a forged signature", async () => {
    const route = await loadRoute({
      NODE_ENV: "production",
      INNGEST_SIGNING_KEY: "signkey-prod-0123456789abcdef0123456789abcdef",
      INNGEST_EVENT_KEY: "test-event-key",
    });
    const request = invoke();
    request.headers.set("x-inngest-signature", `t=${Math.floor(Date.now() / 1000)}&s=${"0".repeat(64)}`);
    const response = await route.POST(request, {});
    expect(response.status).toBe(401);
  });
});
