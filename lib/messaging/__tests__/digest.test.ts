import { randomUUID } from "node:crypto";
import { render } from "@react-email/render";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { notificationPreferences, type Connection, type User } from "@/db/schema";
import type { EmailMessage } from "@/lib/email";
import { markConversationRead, sendMessage } from "@/lib/messaging";
import { sendMissedMessageEmails } from "@/lib/messaging/digest";
import { MINUTE } from "@/lib/time";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair } from "@/tests/factories";

const outbox = vi.hoisted(() => ({ sent: [] as EmailMessage[], failNext: false }));
vi.mock("@/lib/email", () => ({
  sendEmail: async (message: EmailMessage) => {
    if (outbox.failNext) {
      outbox.failNext = false;
      throw new Error("mail provider down");
    }
    outbox.sent.push(message);
  },
}));
vi.mock("@/lib/realtime", () => ({ publish: async () => true, presenceMembers: async () => new Set() }));

setupTestDatabase();

beforeEach(() => {
  outbox.sent.length = 0;
  outbox.failNext = false;
});

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * MINUTE);

async function say(sender: User, connection: Connection, body: string) {
  const result = await sendMessage(sender, { connectionId: connection.id, clientMessageId: randomUUID(), body });
  if (!result.ok) throw new Error(result.error);
  return result.data.message;
}

const emailsTo = (user: User) => outbox.sent.filter((email) => email.to === user.email);

describe("missed-messages email", () => {
  it("waits 15 minutes, then sends one summary per conversation, exactly once even when runs overlap", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    await say(teacher, connection, "Running 10 minutes late");
    await say(teacher, connection, "Bring the Grade 5 book");
    await say(teacher, connection, "<script>alert(1)</script> and the metronome");

    await sendMissedMessageEmails(minutesFromNow(10));
    expect(outbox.sent).toEqual([]);

    const runs = await Promise.all([1, 2, 3].map(() => sendMissedMessageEmails(minutesFromNow(16))));
    expect(runs.reduce((total, run) => total + run.sent, 0)).toBe(1);
    await sendMissedMessageEmails(minutesFromNow(30));
    const [email, ...more] = emailsTo(student);
    expect(more).toEqual([]);
    expect(emailsTo(teacher)).toEqual([]);
    expect(email!.subject).toBe(`3 new messages from ${teacher.name}`);
    expect(email!.idempotencyKey).toMatch(new RegExp(`^missed-messages:${connection.id}:${student.id}:\\d+$`));
    const html = await render(email!.react);
    expect(html).toContain("Bring the Grade 5 book");
    expect(html).toContain(`/messages/${connection.id}`);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");

    // The next batch is its own email, once.
    await say(teacher, connection, "Also: can we move Thursday?");
    await sendMissedMessageEmails(minutesFromNow(31));
    await sendMissedMessageEmails(minutesFromNow(32));
    expect(emailsTo(student).map((sent) => sent.subject)).toEqual([
      `3 new messages from ${teacher.name}`,
      `New message from ${teacher.name}`,
    ]);
  });

  it("sends nothing for a conversation read in time, nor to someone who turned email off", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const last = await say(student, connection, "Can we move Thursday?");
    await markConversationRead(teacher, { connectionId: connection.id, seq: last.seq });
    const quiet = await createConnectedPair();
    await db.insert(notificationPreferences).values({ userId: quiet.student.id, emailCategories: ["requests"] });
    await say(quiet.teacher, quiet.connection, "See you Tuesday");
    await sendMissedMessageEmails(minutesFromNow(20));
    expect(emailsTo(teacher)).toEqual([]);
    expect(emailsTo(quiet.student)).toEqual([]);
  });

  it("gives the claim back when the email fails, so the next run sends it", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    await say(student, connection, "Practised every day!");
    outbox.failNext = true;
    expect(await sendMissedMessageEmails(minutesFromNow(16))).toEqual({ sent: 0 });
    expect(await sendMissedMessageEmails(minutesFromNow(17))).toEqual({ sent: 1 });
    expect(emailsTo(teacher).map((email) => email.subject)).toEqual([`New message from ${student.name}`]);
  });
});
