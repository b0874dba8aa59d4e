import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { User } from "@/db/schema";
import { SESSION_ENDED } from "@/lib/actions";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

const sessionUser = vi.hoisted(() => ({ current: null as User | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => sessionUser.current }));
vi.mock("@/lib/realtime", () => ({ publish: async () => true }));

const { GET } = await import("@/app/api/notifications/route");
const { POST } = await import("@/app/api/notifications/read/route");
const { notify } = await import("@/lib/notifications");

setupTestDatabase();

const list = (query = "") => GET(new Request(`http://localhost:3000/api/notifications${query}`));
const markRead = (body: string, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://localhost:3000/api/notifications/read", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    }),
  );

let me: User;
beforeEach(async () => {
  me = await createUser();
  sessionUser.current = me;
});
afterEach(() => {
  sessionUser.current = null;
});

describe("GET /api/notifications", () => {
  it("answers 401 with no data when signed out", async () => {
    sessionUser.current = null;
    const response = await list();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: SESSION_ENDED.error, code: "session-ended" });
  });

  it("lists the viewer's notifications, never cached", async () => {
    await notify([me.id], { type: "message.received", title: "New message from Maya" });
    const response = await list("?status=unread&limit=8");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = await response.json();
    expect(body).toMatchObject({ unreadCount: 1, total: 1, items: [{ title: "New message from Maya" }] });
  });

  it.each(["?status=deleted", "?category=secrets", "?page=0", "?limit=500", "?userId=" + randomUUID()])(
    "answers a bad query (%s) with 400",
    async (query) => {
      expect((await list(query)).status).toBe(400);
    },
  );
});

describe("POST /api/notifications/read", () => {
  it("marks read and returns the new unread count", async () => {
    const [row] = await notify([me.id], { type: "message.received", title: "Hello" });
    const response = await markRead(JSON.stringify({ ids: [row!.id] }), { origin: "http://localhost:3000" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ marked: 1, unreadCount: 0 });
  });

  it("refuses another site's page (CSRF) and a signed-out caller", async () => {
    expect((await markRead(JSON.stringify({ all: true }), { origin: "https://evil.example" })).status).toBe(403);
    sessionUser.current = null;
    expect((await markRead(JSON.stringify({ all: true }))).status).toBe(401);
  });

  it.each([
    ["malformed JSON", "{not json"],
    ["a wrong shape", JSON.stringify({ ids: "all" })],
    ["forged fields", JSON.stringify({ all: true, readAt: null })],
  ])("answers %s with 400 and a message", async (_case, body) => {
    const response = await markRead(body);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatch(/mark as read/);
  });

  it("answers an oversized body with 413", async () => {
    const body = JSON.stringify({ ids: Array.from({ length: 1000 }, () => randomUUID()) });
    expect((await markRead(body, { "content-length": String(body.length) })).status).toBe(413);
  });
});
