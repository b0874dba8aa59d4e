import { createHmac, randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { User } from "@/db/schema";
import { EMBEDDED_KEY, realtimeServerConfig } from "@/lib/realtime/config";
import { setupTestDatabase } from "@/tests/database";

setupTestDatabase();

const sessionUser = vi.hoisted(() => ({ current: null as Pick<User, "id" | "role" | "name"> | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => sessionUser.current }));

const { authorizeChannel } = await import("@/lib/realtime/authorize");
const { POST } = await import("@/app/api/realtime/auth/route");

const me = { id: randomUUID(), role: "student" as const, name: "Me" };
const other = { id: randomUUID(), role: "student" as const, name: "Other" };
const socketId = "1234.5678";

const expectedAuth = (channel: string) =>
  `${EMBEDDED_KEY}:${createHmac("sha256", realtimeServerConfig().secret).update(`${socketId}:${channel}`).digest("hex")}`;

function authRequest(body: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request("http://localhost:3000/api/realtime/auth", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(body),
  });
}

beforeEach(() => {
  sessionUser.current = me;
});
afterEach(() => {
  sessionUser.current = null;
});

describe("channel authorization", () => {
  it("signs a user's own channel for their socket", async () => {
    const result = await authorizeChannel(me, socketId, `private-user-${me.id}`);
    expect(result).toEqual({ ok: true, body: { auth: expectedAuth(`private-user-${me.id}`) } });
  });

  it.each([
    ["another user's channel", () => `private-user-${other.id}`],
    ["extra segments", () => `private-user-${me.id}-extra`],
    ["a case trick", () => `Private-user-${me.id}`],
    ["an upper-case id", () => `private-user-${me.id.toUpperCase()}`],
    ["a public channel", () => `user-${me.id}`],
    ["an encrypted variant", () => `private-encrypted-user-${me.id}`],
    ["a conversation they are not part of", () => `presence-connection-${randomUUID()}`],
  ])("refuses %s", async (_case, channel) => {
    expect(await authorizeChannel(me, socketId, channel())).toMatchObject({ ok: false, code: "forbidden" });
  });

  it.each(["123.456:private-user-x", "abc.def", "1234", "1.2.3", ""])("refuses the malformed socket id %j", async (badSocket) => {
    expect(await authorizeChannel(me, badSocket, `private-user-${me.id}`)).toMatchObject({ ok: false, code: "invalid" });
  });
});

describe("POST /api/realtime/auth", () => {
  it("answers the signed-in owner with a signature pusher-js accepts", async () => {
    const response = await POST(authRequest({ socket_id: socketId, channel_name: `private-user-${me.id}` }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ auth: expectedAuth(`private-user-${me.id}`) });
  });

  it("answers 401 without a (valid) session: signed out, or revoked", async () => {
    sessionUser.current = null;
    const response = await POST(authRequest({ socket_id: socketId, channel_name: `private-user-${me.id}` }));
    expect(response.status).toBe(401);
    expect(await response.json()).not.toHaveProperty("auth");
  });

  it("answers 403 with no signature for someone else's channel", async () => {
    const response = await POST(authRequest({ socket_id: socketId, channel_name: `private-user-${other.id}` }));
    expect(response.status).toBe(403);
    expect(await response.json()).not.toHaveProperty("auth");
  });

  it("answers 400 to a missing field and 403 to a cross-origin call", async () => {
    expect((await POST(authRequest({ channel_name: `private-user-${me.id}` }))).status).toBe(400);
    const crossSite = await POST(
      authRequest({ socket_id: socketId, channel_name: `private-user-${me.id}` }, { origin: "https://evil.example" }),
    );
    expect(crossSite.status).toBe(403);
  });

  it("answers 413 to a body of megabytes, streamed without a length, and reads no further than its limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode(`socket_id=${socketId}&padding=${"x".repeat(64 * 1024)}`));
      },
    });
    const response = await POST(
      new Request("http://localhost:3000/api/realtime/auth", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: endless,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(5);
  });
});
