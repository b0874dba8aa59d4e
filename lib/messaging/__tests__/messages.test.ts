import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { connections, conversationReads, messages, notifications, users, type Connection, type User } from "@/db/schema";
import { settleBackgroundWork } from "@/lib/background";
import { endConnection, setMessagingLocked } from "@/lib/connections";
import { deleteMessage, editMessage, markConversationRead, sendMessage, unreadConversationCount } from "@/lib/messaging";
import { getMessage, listConversations, listUnreadConversations, loadThread } from "@/lib/messaging/queries";
import { MESSAGE_EVENTS, MESSAGE_PAGE_SIZE, MESSAGE_PREVIEW_LENGTH, UNREAD_CONVERSATIONS_EVENT } from "@/lib/messaging/types";
import { MAX_EVENT_DATA_BYTES } from "@/lib/realtime/limits";
import { characterCount } from "@/lib/text";
import { MINUTE } from "@/lib/time";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";
import { countStatements } from "@/tests/statements";

const realtime = vi.hoisted(() => ({
  published: [] as { channel: string; event: string; data: Record<string, unknown> }[],
  viewing: new Set<string>(),
  failing: false,
}));
vi.mock("@/lib/realtime", () => ({
  publish: async (channel: string, event: string, data: Record<string, unknown>) => {
    if (realtime.failing) throw new Error("realtime is down");
    realtime.published.push({ channel, event, data });
    return true;
  },
  presenceMembers: async () => new Set(realtime.viewing),
}));

setupTestDatabase();

beforeEach(() => {
  realtime.published.length = 0;
  realtime.viewing.clear();
  realtime.failing = false;
});

const send = (actor: User, connection: Pick<Connection, "id">, body: string, clientMessageId: string = randomUUID()) =>
  sendMessage(actor, { connectionId: connection.id, clientMessageId, body });

async function sent(actor: User, connection: Pick<Connection, "id">, body: string) {
  const result = await send(actor, connection, body);
  if (!result.ok) throw new Error(result.error);
  return result.data.message;
}

const rowsIn = (connection: Pick<Connection, "id">) =>
  db.select().from(messages).where(eq(messages.connectionId, connection.id)).orderBy(asc(messages.seq));

const noticesFor = async (user: User) => {
  await settleBackgroundWork();
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.type, "message.received")));
};

describe("sending", () => {
  it("stores the message, answers its view and publishes ids and a short preview only after the commit", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const long = `Bring the Grade 5 book. ${"And the scales sheet. ".repeat(180)}`.trim();
    const result = await send(student, connection, `  ${long}\r\n`);
    expect(result).toMatchObject({ ok: true, data: { message: { body: long, senderId: student.id, connectionId: connection.id } } });
    expect(await rowsIn(connection)).toHaveLength(1);

    await settleBackgroundWork();
    const created = realtime.published.find((event) => event.event === MESSAGE_EVENTS.created)!;
    expect(created.channel).toBe(`presence-connection-${connection.id}`);
    const { message } = (result as { data: { message: { id: string; seq: number; clientMessageId: string } } }).data;
    expect(Object.keys(created.data).sort()).toEqual(["clientMessageId", "id", "preview", "senderId", "seq"]);
    expect(created.data).toMatchObject({
      id: message.id,
      seq: message.seq,
      senderId: student.id,
      clientMessageId: message.clientMessageId,
    });
    expect(characterCount(created.data.preview as string)).toBeLessThanOrEqual(MESSAGE_PREVIEW_LENGTH);
    for (const event of realtime.published) expect(Buffer.byteLength(JSON.stringify(event.data))).toBeLessThanOrEqual(MAX_EVENT_DATA_BYTES);
    expect(realtime.published).toContainEqual({
      channel: `private-user-${teacher.id}`,
      event: UNREAD_CONVERSATIONS_EVENT,
      data: { count: 1 },
    });
  });

  it("stores exactly one row when the same client id is sent five times at once, and answers each the same", async () => {
    const { student, connection } = await createConnectedPair();
    const clientMessageId = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => send(student, connection, "Running 10 minutes late", clientMessageId)),
    );
    expect(await rowsIn(connection)).toHaveLength(1);
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0]).toMatchObject({ ok: true });
    // A later retry, even with other text, answers the stored message and publishes nothing new.
    await settleBackgroundWork();
    realtime.published.length = 0;
    expect(await send(student, connection, "changed on retry", clientMessageId)).toEqual(results[0]);
    expect(realtime.published).toEqual([]);
    expect(await rowsIn(connection)).toHaveLength(1);
  });

  it("refuses a client id reused in another conversation, and input it cannot store, writing nothing", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const other = await createConnectedPair();
    await db.update(connections).set({ teacherId: teacher.id }).where(eq(connections.id, other.connection.id));
    const clientMessageId = randomUUID();
    await sent(teacher, connection, "First");
    expect(await send(teacher, connection, "Hello", clientMessageId)).toMatchObject({ ok: true });
    expect(await send(teacher, other.connection, "Hello", clientMessageId)).toMatchObject({ ok: false, code: "invalid" });
    const refused: unknown[] = [
      { connectionId: connection.id, clientMessageId: randomUUID(), body: "   " },
      { connectionId: connection.id, clientMessageId: randomUUID(), body: "x".repeat(4001) },
      { connectionId: connection.id, clientMessageId: randomUUID(), body: "Hi\u202e" },
      { connectionId: connection.id, clientMessageId: "not-a-uuid", body: "Hi" },
      { connectionId: connection.id, clientMessageId: randomUUID(), body: "Hi", senderId: student.id },
      { connectionId: "' or 1=1 --", clientMessageId: randomUUID(), body: "Hi" },
    ];
    for (const input of refused)
      expect(await sendMessage(teacher, input), JSON.stringify(input)).toMatchObject({ ok: false, code: "invalid" });
    expect(await rowsIn(connection)).toHaveLength(2);
    expect(await rowsIn(other.connection)).toHaveLength(0);
    expect(await send(teacher, connection, "x".repeat(4000))).toMatchObject({ ok: true });
  });

  it("never fails a send because realtime is down", async () => {
    const { student, connection } = await createConnectedPair();
    realtime.failing = true;
    expect(await send(student, connection, "Still stored")).toMatchObject({ ok: true });
    await settleBackgroundWork();
    expect(await rowsIn(connection)).toHaveLength(1);
  });
});

describe("the messaging lock and ended connections", () => {
  it("refuses the locked student's send (database unchanged) but not the teacher's, and tells open threads", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    expect(await setMessagingLocked(teacher, { connectionId: connection.id, locked: true })).toMatchObject({ ok: true });
    expect(realtime.published).toContainEqual({
      channel: `presence-connection-${connection.id}`,
      event: MESSAGE_EVENTS.closed,
      data: { composer: "locked" },
    });
    const before = await rowsIn(connection);
    expect(await send(student, connection, "Can we move Thursday?")).toMatchObject({ ok: false, code: "forbidden", error: /paused/ });
    expect(await rowsIn(connection)).toEqual(before);
    expect(await send(teacher, connection, "Let's talk on Thursday.")).toMatchObject({ ok: true });
    expect((await loadThread(student, connection.id)) as { data: { composer: string } }).toMatchObject({ data: { composer: "locked" } });
    expect((await loadThread(teacher, connection.id)) as { data: { composer: string } }).toMatchObject({ data: { composer: "open" } });

    await setMessagingLocked(teacher, { connectionId: connection.id, locked: false });
    expect(realtime.published.at(-1)).toMatchObject({ event: MESSAGE_EVENTS.reopened, data: { composer: "open" } });
    expect(await send(student, connection, "Thanks")).toMatchObject({ ok: true });
  });

  it("makes an ended conversation read-only for both, and keeps its history readable to both", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const mine = await sent(student, connection, "See you Tuesday");
    expect(await endConnection(teacher, { connectionId: connection.id })).toMatchObject({ ok: true });
    expect(realtime.published).toContainEqual({
      channel: `presence-connection-${connection.id}`,
      event: MESSAGE_EVENTS.closed,
      data: { composer: "ended" },
    });
    const before = await rowsIn(connection);
    for (const party of [teacher, student]) {
      expect(await send(party, connection, "One more thing")).toMatchObject({ ok: false, error: /ended/ });
      expect(await loadThread(party, connection.id)).toMatchObject({ ok: true, data: { composer: "ended", messages: [{ id: mine.id }] } });
      expect(await getMessage(party, mine.id)).toMatchObject({ ok: true, data: { body: "See you Tuesday" } });
    }
    expect(await editMessage(student, { messageId: mine.id, body: "changed" })).toMatchObject({ ok: false, error: /ended/ });
    expect(await deleteMessage(student, { messageId: mine.id })).toMatchObject({ ok: false, error: /ended/ });
    expect(await rowsIn(connection)).toEqual(before);
    expect(await listConversations(student)).toEqual([expect.objectContaining({ connectionId: connection.id, composer: "ended" })]);
  });
});

describe("editing and deleting", () => {
  it("lets the author edit and delete within the window, live, and nobody else", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const message = await sent(student, connection, "Runing late");
    expect(await editMessage(teacher, { messageId: message.id, body: "Hijacked" })).toMatchObject({ ok: false, code: "not-found" });
    expect(await deleteMessage(teacher, { messageId: message.id })).toMatchObject({ ok: false, code: "not-found" });

    const edited = await editMessage(student, { messageId: message.id, body: "Running late" });
    expect(edited).toMatchObject({ ok: true, data: { message: { body: "Running late", editedAt: expect.any(String) } } });
    expect(realtime.published.at(-1)).toEqual({
      channel: `presence-connection-${connection.id}`,
      event: MESSAGE_EVENTS.updated,
      data: { id: message.id, seq: message.seq },
    });

    await settleBackgroundWork();
    realtime.published.length = 0;
    const deleted = await deleteMessage(student, { messageId: message.id });
    expect(deleted).toMatchObject({ ok: true, data: { message: { body: "", deletedAt: expect.any(String) } } });
    // A deleted message is nothing to read: the teacher's unread count drops live.
    expect(realtime.published).toContainEqual({
      channel: `private-user-${teacher.id}`,
      event: UNREAD_CONVERSATIONS_EVENT,
      data: { count: 0 },
    });
    const [row] = await rowsIn(connection);
    expect(row).toMatchObject({ body: "", deletedAt: expect.any(Date) });
    expect(await editMessage(student, { messageId: message.id, body: "Back" })).toMatchObject({ ok: false, error: /deleted/ });
    expect(await getMessage(teacher, message.id)).toMatchObject({ ok: true, data: { body: "", deletedAt: expect.any(String) } });
  });

  it("refuses changes after the edit window", async () => {
    const { student, connection } = await createConnectedPair();
    const message = await sent(student, connection, "Old news");
    const later = new Date(Date.now() + 16 * MINUTE);
    expect(await editMessage(student, { messageId: message.id, body: "New" }, later)).toMatchObject({ ok: false, error: /15 minutes/ });
    expect(await deleteMessage(student, { messageId: message.id }, later)).toMatchObject({ ok: false, error: /15 minutes/ });
    expect((await rowsIn(connection))[0]).toMatchObject({ body: "Old news", editedAt: null, deletedAt: null });
  });
});

describe("read state", () => {
  it("counts unread per conversation, moves forward only, never past the last message, and reads the notification", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const second = await createConnectedPair();
    await db.update(connections).set({ teacherId: teacher.id }).where(eq(connections.id, second.connection.id));
    const first = await sent(student, connection, "One");
    const two = await sent(student, connection, "Two");
    await sent(teacher, connection, "Mine is never unread to me");
    await sent(second.student, second.connection, "Hello from the other student");
    expect(await unreadConversationCount(teacher)).toBe(2);
    const unreadOf = async () => new Map((await listConversations(teacher)).map((row) => [row.connectionId, row.unreadCount]));
    expect(await unreadOf()).toEqual(
      new Map([
        [connection.id, 2],
        [second.connection.id, 1],
      ]),
    );
    expect(await noticesFor(teacher)).toHaveLength(2);

    expect(await markConversationRead(teacher, { connectionId: connection.id, seq: first.seq })).toMatchObject({
      data: { lastReadSeq: first.seq },
    });
    expect((await unreadOf()).get(connection.id)).toBe(1);
    expect(await markConversationRead(teacher, { connectionId: connection.id, seq: String(two.seq) })).toMatchObject({ ok: true });
    expect(await markConversationRead(teacher, { connectionId: connection.id, seq: first.seq })).toEqual({
      ok: true,
      data: { lastReadSeq: two.seq },
    });
    expect((await unreadOf()).get(connection.id)).toBe(0);
    expect(await unreadConversationCount(teacher)).toBe(1);
    const notices = await noticesFor(teacher);
    expect(notices.find((row) => row.link === `/messages/${connection.id}`)!.readAt).not.toBeNull();
    expect(notices.find((row) => row.link === `/messages/${second.connection.id}`)!.readAt).toBeNull();

    // The student sees "Seen" up to what the teacher read.
    expect(await loadThread(student, connection.id)).toMatchObject({ data: { otherReadSeq: two.seq } });
    expect(realtime.published).toContainEqual({
      channel: `presence-connection-${connection.id}`,
      event: MESSAGE_EVENTS.read,
      data: { userId: teacher.id, seq: two.seq },
    });

    // A forged position beyond the last message reads what exists, not what is still to come.
    await markConversationRead(teacher, { connectionId: second.connection.id, seq: 10 ** 12 });
    const next = await sent(second.student, second.connection, "Did you see this?");
    expect(await unreadConversationCount(teacher)).toBe(1);
    expect(next.seq).toBeGreaterThan(0);
    const [read] = await db
      .select()
      .from(conversationReads)
      .where(and(eq(conversationReads.connectionId, second.connection.id), eq(conversationReads.userId, teacher.id)));
    expect(read!.lastReadSeq).toBeLessThan(next.seq);
  });
});

describe("notifications", () => {
  it("groups a conversation's new messages into one unread notification, and starts a new one once read", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    for (const body of ["Running 10 minutes late", "Traffic", "Bring the Grade 5 book?"]) await sent(student, connection, body);
    const [notice, ...others] = await noticesFor(teacher);
    expect(others).toEqual([]);
    expect(notice).toMatchObject({
      title: `3 new messages from ${student.name}`,
      body: "Bring the Grade 5 book?",
      link: `/messages/${connection.id}`,
      readAt: null,
    });
    const last = (await rowsIn(connection)).at(-1)!;
    await markConversationRead(teacher, { connectionId: connection.id, seq: last.seq });
    await sent(student, connection, "Thanks!");
    const after = await noticesFor(teacher);
    expect(after).toHaveLength(2);
    expect(after.find((row) => row.readAt === null)).toMatchObject({ title: `New message from ${student.name}`, body: "Thanks!" });
  });

  it("does not notify a recipient who is viewing the thread", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    realtime.viewing.add(teacher.id);
    await sent(student, connection, "You're looking at this");
    expect(await noticesFor(teacher)).toEqual([]);
  });
});

describe("threads and the inbox", () => {
  it("pages by sequence: newest first page, older with before, catching up with after", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    // Written in one statement: the paging, not the sending, is under test here.
    const inserted = await db
      .insert(messages)
      .values(
        Array.from({ length: MESSAGE_PAGE_SIZE * 2 + 5 }, (_, index) => ({
          connectionId: connection.id,
          senderId: (index % 2 ? teacher : student).id,
          clientMessageId: randomUUID(),
          body: `Message ${index}`,
        })),
      )
      .returning();
    const all = inserted.sort((a, b) => a.seq - b.seq);
    const newest = (await loadThread(teacher, connection.id)) as { ok: true; data: { messages: { seq: number }[]; hasOlder: boolean } };
    expect(newest.data.messages.map((message) => message.seq)).toEqual(all.slice(-MESSAGE_PAGE_SIZE).map((message) => message.seq));
    expect(newest.data.hasOlder).toBe(true);
    const older = (await loadThread(teacher, connection.id, { before: String(newest.data.messages[0]!.seq) })) as typeof newest;
    expect(older.data.messages.map((message) => message.seq)).toEqual(all.slice(5, 5 + MESSAGE_PAGE_SIZE).map((message) => message.seq));
    expect(older.data.hasOlder).toBe(true);
    const oldest = (await loadThread(teacher, connection.id, { before: older.data.messages[0]!.seq })) as typeof newest;
    expect(oldest.data.messages).toHaveLength(5);
    expect(oldest.data.hasOlder).toBe(false);

    const caughtUp = (await loadThread(teacher, connection.id, { after: all[2]!.seq })) as typeof newest;
    expect(caughtUp.data.messages.map((message) => message.seq)).toEqual(all.slice(3, 3 + MESSAGE_PAGE_SIZE).map((message) => message.seq));
    expect(caughtUp.data.hasOlder).toBe(true);
    const nothingNew = (await loadThread(teacher, connection.id, { after: all.at(-1)!.seq })) as typeof newest;
    expect(nothingNew.data.messages).toEqual([]);

    for (const cursor of [{ before: "-1" }, { after: "abc" }, { before: 1, after: 2 }, { offset: 30 }]) {
      expect(await loadThread(teacher, connection.id, cursor), JSON.stringify(cursor)).toMatchObject({ ok: false, code: "invalid" });
    }
  });

  it("lists conversations by last activity, searches names and message text, in a bounded number of statements", async () => {
    const teacher = await createUser({ role: "teacher", name: "Ada Teacher" });
    const pairs = [];
    for (const name of ["Maya Chen", "Leo Park", "Sam Quiet"]) {
      const { student, connection } = await createConnectedPair();
      await db.update(connections).set({ teacherId: teacher.id }).where(eq(connections.id, connection.id));
      await db.update(users).set({ name }).where(eq(users.id, student.id));
      pairs.push({ student: { ...student, name }, connection });
    }
    const [maya, leo] = pairs as [(typeof pairs)[number], (typeof pairs)[number]];
    await sent(leo.student, leo.connection, "Shall I bring the Grade 5 book?");
    await sent(maya.student, maya.connection, "Running 10 minutes late");
    const deleted = await sent(maya.student, maya.connection, "secret word xylophone");
    await deleteMessage(maya.student, { messageId: deleted.id });

    const inbox = await listConversations(teacher);
    expect(inbox.map((row) => row.other.name)).toEqual(["Maya Chen", "Leo Park", "Sam Quiet"]);
    expect(inbox[0]).toMatchObject({ lastMessage: { deleted: true, preview: "" }, unreadCount: 1, other: { role: "student" } });
    expect(inbox[2]).toMatchObject({ lastMessage: null, unreadCount: 0, composer: "open" });

    const names = async (query: string) => (await listConversations(teacher, { query })).map((row) => row.other.name);
    expect(await names("chen")).toEqual(["Maya Chen"]);
    expect(await names("grade 5")).toEqual(["Leo Park"]);
    expect(await names("gra")).toEqual(["Leo Park"]);
    expect(await names("xylophone")).toEqual([]);
    expect(await names("%")).toEqual([]);
    expect(await names("'&|!:*")).toEqual([]);
    expect((await listConversations(maya.student)).map((row) => row.other.name)).toEqual(["Ada Teacher"]);

    const { statements } = await countStatements(() => listConversations(teacher));
    expect(statements).toBeLessThanOrEqual(2);
  });

  it("lists the newest conversations with unread messages, a few of them, with how many there are in all", async () => {
    const teacher = await createUser({ role: "teacher" });
    const pairs = [];
    for (let index = 0; index < 4; index++) {
      const { student, connection } = await createConnectedPair();
      await db.update(connections).set({ teacherId: teacher.id }).where(eq(connections.id, connection.id));
      pairs.push({ student, connection });
    }
    const [first, second, third, quiet] = pairs as [(typeof pairs)[number], ...(typeof pairs)[number][]];
    await sent(first.student, first.connection, "first");
    await sent(second!.student, second!.connection, "second");
    await sent(third!.student, third!.connection, "third");
    await sent(teacher, quiet!.connection, "only my own message, nothing to read");
    await sent(first.student, first.connection, "first again, now the newest");

    const unread = await listUnreadConversations(teacher, 2);
    expect(unread.total).toBe(3);
    expect(unread.items.map((item) => item.connectionId)).toEqual([first.connection.id, third!.connection.id]);
    expect(unread.items[0]).toMatchObject({ unreadCount: 2, lastMessage: { preview: "first again, now the newest" } });

    await markConversationRead(teacher, { connectionId: first.connection.id, seq: Number.MAX_SAFE_INTEGER });
    expect((await listUnreadConversations(teacher, 5)).items.map((item) => item.connectionId)).toEqual([
      third!.connection.id,
      second!.connection.id,
    ]);
    expect(await listUnreadConversations(first.student, 5)).toEqual({ items: [], total: 0 });
    expect(await listUnreadConversations(await createUser({ role: "teacher" }), 5)).toEqual({ items: [], total: 0 });

    const { statements } = await countStatements(() => listUnreadConversations(teacher, 5));
    expect(statements).toBeLessThanOrEqual(2);
  });
});

describe("strangers and the other teacher's students", () => {
  it("can neither read nor write, and learn nothing", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const message = await sent(student, connection, "Private: my exam fee");
    const otherPair = await createConnectedPair();
    const outsiders = [await createUser({ role: "teacher" }), await createUser({ role: "student" }), otherPair.teacher, otherPair.student];
    const before = JSON.stringify([await rowsIn(connection), await db.select().from(conversationReads)]);
    for (const outsider of outsiders) {
      const answers = [
        await loadThread(outsider, connection.id),
        await getMessage(outsider, message.id),
        await send(outsider, connection, "Let me in"),
        await editMessage(outsider, { messageId: message.id, body: "Mine now" }),
        await deleteMessage(outsider, { messageId: message.id }),
        await markConversationRead(outsider, { connectionId: connection.id, seq: message.seq }),
      ];
      for (const answer of answers) {
        expect(answer).toMatchObject({ ok: false, code: "not-found" });
        const body = JSON.stringify(answer);
        for (const secret of ["exam fee", student.name, teacher.name, student.id, message.id]) expect(body).not.toContain(secret);
      }
      expect(await listConversations(outsider)).not.toContainEqual(expect.objectContaining({ connectionId: connection.id }));
      expect(await unreadConversationCount(outsider)).toBe(0);
    }
    expect(JSON.stringify([await rowsIn(connection), await db.select().from(conversationReads)])).toBe(before);
  });
});
