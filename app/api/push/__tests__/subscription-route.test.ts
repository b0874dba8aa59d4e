import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { pushSubscriptions, type User } from "@/db/schema";
import { SESSION_ENDED } from "@/lib/actions";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

const sessionUser = vi.hoisted(() => ({ current: null as User | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => sessionUser.current }));

const { POST } = await import("@/app/api/push/subscription/route");

setupTestDatabase();

const subscription = (endpoint = `https://fcm.googleapis.com/fcm/send/${crypto.randomUUID()}`) => ({
  endpoint,
  expirationTime: null,
  keys: {
    p256dh: "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
    auth: "tBHItJI5svbpez7KI4CCXg",
  },
});
const post = (body: unknown, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://localhost:3000/api/push/subscription", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        host: "localhost:3000",
        "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0",
        ...headers,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
const devicesOf = (user: User) => db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, user.id));

afterEach(() => {
  sessionUser.current = null;
});

describe("POST /api/push/subscription (the worker's renewed subscription)", () => {
  it("stores the renewed subscription for the signed-in person, with the browser named", async () => {
    const me = await createUser();
    sessionUser.current = me;
    const renewed = subscription();
    const response = await post(renewed, { origin: "http://localhost:3000" });
    expect(response.status).toBe(200);
    expect((await devicesOf(me)).map((device) => [device.endpoint, device.userAgent])).toEqual([
      [renewed.endpoint, "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0"],
    ]);
  });

  it("refuses without a session, from another origin, and with a body it cannot use, storing nothing", async () => {
    const me = await createUser();
    expect((await post(subscription())).status).toBe(401);
    expect(await (await post(subscription())).json()).toEqual({ error: SESSION_ENDED.error, code: "session-ended" });
    sessionUser.current = me;
    expect((await post(subscription(), { origin: "https://evil.test" })).status).toBe(403);
    for (const bad of ["not json", { endpoint: "http://127.0.0.1:5432/" }, subscription("https://attacker.test/push"), []]) {
      const response = await post(bad);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: expect.any(String), code: "invalid" });
    }
    expect(await devicesOf(me)).toEqual([]);
  });
});
