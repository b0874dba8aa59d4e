import { afterEach, describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/tests/database";

// The configuration read afresh on every call, so each test can set its own.
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/env")>();
  return { ...actual, env: () => actual.parseEnv(process.env) };
});

const { POST } = await import("@/app/api/test/reminders/sweep/route");

setupTestDatabase();

afterEach(() => {
  vi.unstubAllEnvs();
});

const post = (body: unknown) =>
  POST(
    new Request("http://localhost/api/test/reminders/sweep", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
  );

describe("the test-only reminder clock", () => {
  it("does not exist without E2E_HOOKS=1", async () => {
    expect((await post({ minutesAhead: 1 })).status).toBe(404);
  });

  it("does not exist on a hosted server even with E2E_HOOKS=1", async () => {
    vi.stubEnv("E2E_HOOKS", "1");
    vi.stubEnv("RESEND_API_KEY", "re_hosted");
    expect((await post({ minutesAhead: 1 })).status).toBe(404);
  });

  it("runs the sweep ahead of the clock with E2E_HOOKS=1, and refuses bad input with a message", async () => {
    vi.stubEnv("E2E_HOOKS", "1");
    const response = await post({ minutesAhead: 1 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ claimed: 0, resent: 0 });
    for (const bad of [{ minutesAhead: 61 }, { minutesAhead: "1" }, { minutesAhead: 1, extra: true }, null]) {
      const refused = await post(bad);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: "Send { minutesAhead: 0–60 }." });
    }
  });
});
