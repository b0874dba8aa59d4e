import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { messages, type User } from "@/db/schema";
import { SESSION_ENDED } from "@/lib/actions";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair } from "@/tests/factories";

const sessionUser = vi.hoisted(() => ({ current: null as User | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => sessionUser.current }));
vi.mock("@/lib/realtime", () => ({ publish: async () => true, presenceMembers: async () => new Set() }));

const { sendMessageAction, markConversationReadAction } = await import("@/app/(app)/messages/actions");

setupTestDatabase();

afterEach(() => {
  sessionUser.current = null;
});

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  // What React adds to a form posted before JavaScript loads; never part of the input.
  data.set("$ACTION_ID_abc", "");
  return data;
};

describe("messaging actions", () => {
  it("send as a plain form post without JavaScript, and a re-posted form stores one message", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    sessionUser.current = student;
    const post = form({ connectionId: connection.id, clientMessageId: randomUUID(), body: "Running 10 minutes late\r\nSorry!" });
    const first = await sendMessageAction(undefined, post);
    expect(first).toMatchObject({ ok: true, data: { message: { body: "Running 10 minutes late\nSorry!" } } });
    expect(await sendMessageAction(undefined, post)).toEqual(first);
    expect(await db.select().from(messages).where(eq(messages.connectionId, connection.id))).toHaveLength(1);

    sessionUser.current = teacher;
    const seq = String((first as { data: { message: { seq: number } } }).data.message.seq);
    expect(await markConversationReadAction(undefined, form({ connectionId: connection.id, seq }))).toMatchObject({ ok: true });
  });

  it("refuse without a session and answer bad forms with field errors", async () => {
    const { student, connection } = await createConnectedPair();
    expect(await sendMessageAction(undefined, form({ connectionId: connection.id, clientMessageId: randomUUID(), body: "Hi" }))).toEqual(
      SESSION_ENDED,
    );
    sessionUser.current = student;
    expect(
      await sendMessageAction(undefined, form({ connectionId: connection.id, clientMessageId: randomUUID(), body: " " })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { body: "Write something first." },
    });
  });
});
