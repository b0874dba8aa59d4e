import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Connection, User } from "@/db/schema";
import { SESSION_ENDED } from "@/lib/actions";
import type { ConversationSummary, MessageView, ThreadPage } from "@/lib/messaging/types";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";

const sessionUser = vi.hoisted(() => ({ current: null as User | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => sessionUser.current }));
vi.mock("@/lib/realtime", () => ({ publish: async () => true, presenceMembers: async () => new Set() }));

const conversations = await import("@/app/api/conversations/route");
const thread = await import("@/app/api/conversations/[connectionId]/messages/route");
const single = await import("@/app/api/messages/[messageId]/route");
const { deleteMessage, editMessage, sendMessage } = await import("@/lib/messaging");

setupTestDatabase();

const base = "http://localhost:3000";
const listConversations = (query = "") => conversations.GET(new Request(`${base}/api/conversations${query}`));
const loadThread = (connectionId: string, query = "") =>
  thread.GET(new Request(`${base}/api/conversations/${connectionId}/messages${query}`), { params: Promise.resolve({ connectionId }) });
const loadMessage = (messageId: string) =>
  single.GET(new Request(`${base}/api/messages/${messageId}`), { params: Promise.resolve({ messageId }) });

let teacher: User;
let student: User;
let connection: Connection;
let message: MessageView;
beforeAll(async () => {
  ({ teacher, student, connection } = await createConnectedPair());
  const sent = await sendMessage(student, { connectionId: connection.id, clientMessageId: randomUUID(), body: "Bring the Grade 5 book" });
  if (!sent.ok) throw new Error(sent.error);
  message = sent.data.message;
});
afterEach(() => {
  sessionUser.current = null;
});

describe("messaging routes", () => {
  it("answer the parties, never cached", async () => {
    sessionUser.current = teacher;
    const inbox = await listConversations("?q=grade");
    expect(inbox.status).toBe(200);
    expect(inbox.headers.get("cache-control")).toBe("private, no-store");
    expect((await inbox.json()) as ConversationSummary[]).toEqual([
      expect.objectContaining({
        connectionId: connection.id,
        unreadCount: 1,
        other: { id: student.id, name: student.name, role: "student" },
      }),
    ]);

    const page = await loadThread(connection.id);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect((await page.json()) as ThreadPage).toEqual({
      messages: [message],
      hasOlder: false,
      otherReadSeq: 0,
      composer: "open",
      changed: [],
      syncedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(((await (await loadThread(connection.id, `?after=${message.seq}`)).json()) as ThreadPage).messages).toEqual([]);

    const one = await loadMessage(message.id);
    expect(one.headers.get("cache-control")).toBe("private, no-store");
    expect(await one.json()).toEqual(message);
  });

  it("answer 401 signed out and 404 with no data to anyone else", async () => {
    for (const response of [await listConversations(), await loadThread(connection.id), await loadMessage(message.id)]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: SESSION_ENDED.error, code: "session-ended" });
    }
    for (const outsider of [await createUser({ role: "teacher" }), await createUser({ role: "student" })]) {
      sessionUser.current = outsider;
      for (const response of [await loadThread(connection.id), await loadMessage(message.id), await loadThread(randomUUID())]) {
        expect(response.status).toBe(404);
        const body = await response.text();
        for (const secret of ["Grade 5", student.name, teacher.name, message.id]) expect(body).not.toContain(secret);
      }
      expect(await (await listConversations()).json()).toEqual([]);
    }
  });

  it.each([
    "?before=abc",
    "?after=-1",
    "?before=1&after=2",
    "?offset=30",
    "?before=1e400",
    "?changedSince=2026-01-01T00:00:00Z",
    "?after=1&changedSince=yesterday",
  ])("answer a bad thread query (%s) with 400 and a message", async (query) => {
    sessionUser.current = student;
    const response = await loadThread(connection.id, query);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: expect.any(String), code: "invalid" });
  });

  it("answer malformed ids with 404 and unknown inbox parameters with 400", async () => {
    sessionUser.current = student;
    expect((await loadThread("not-an-id")).status).toBe(404);
    expect((await loadMessage("-".repeat(36))).status).toBe(404);
    expect((await listConversations("?userId=" + teacher.id)).status).toBe(400);
  });

  it("a catch-up brings the messages on screen that were edited or deleted while the client was away, and only those", async () => {
    const pair = await createConnectedPair();
    const send = async (body: string) => {
      const sent = await sendMessage(pair.teacher, { connectionId: pair.connection.id, clientMessageId: randomUUID(), body });
      if (!sent.ok) throw new Error(sent.error);
      return sent.data.message;
    };
    const [kept, edited, deleted] = [await send("See you Thursday"), await send("Running 10 minutes late"), await send("Wrong chat")];
    sessionUser.current = pair.student;
    const before = (await (await loadThread(pair.connection.id)).json()) as ThreadPage;

    // The student's phone is offline; the teacher edits one message and deletes another, a few minutes on.
    const later = new Date(Date.parse(before.syncedAt) + 5 * 60_000);
    await editMessage(pair.teacher, { messageId: edited.id, body: "Running 15 minutes late" }, later);
    await deleteMessage(pair.teacher, { messageId: deleted.id }, later);

    const query = `?after=${deleted.seq}&changedSince=${encodeURIComponent(before.syncedAt)}`;
    const caughtUp = (await (await loadThread(pair.connection.id, query)).json()) as ThreadPage;
    expect(caughtUp.messages).toEqual([]);
    expect(caughtUp.changed.map((message) => [message.id, message.body, Boolean(message.deletedAt)])).toEqual([
      [edited.id, "Running 15 minutes late", false],
      [deleted.id, "", true],
    ]);
    expect(caughtUp.changed.map((message) => message.id)).not.toContain(kept.id);

    // Asked again from a point after the changes (beyond the overlap), nothing is repeated.
    const afterwards = new Date(later.getTime() + 5 * 60_000).toISOString();
    const quiet = (await (
      await loadThread(pair.connection.id, `?after=${deleted.seq}&changedSince=${encodeURIComponent(afterwards)}`)
    ).json()) as ThreadPage;
    expect(quiet.changed).toEqual([]);
  });
});
