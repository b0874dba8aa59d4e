import { and, desc, eq, gt, inArray, isNull, lte, ne, sql } from "drizzle-orm";
import { db } from "@/db";
import { connections, conversationReads, messages, notificationPreferences, users } from "@/db/schema";
import { allAcceptedConnections } from "@/lib/access";
import { wantsEmail } from "@/lib/notifications/preferences";
import { sendEmail } from "@/lib/email";
import { MissedMessages } from "@/lib/email/templates/missed-messages";
import { appUrl } from "@/lib/env";
import { formatDateTime, MINUTE } from "@/lib/time";
import { previewOf } from "./views";

/** A conversation unread this long is summarised by email, once per batch of messages. */
export const MISSED_MESSAGES_AFTER_MINUTES = 15;
const LATEST_IN_EMAIL = 3;
const CONVERSATIONS_PER_RUN = 200;

interface Candidate {
  connectionId: string;
  recipientId: string;
  senderId: string;
  /** What the recipient had read or been emailed: the batch starts after it. */
  fromSeq: number;
  /** emailed_through_seq as this run saw it: the claim succeeds only if nobody has moved it since. */
  emailedSeq: number;
  throughSeq: number;
  count: number;
}

/**
 * Emails each party one summary of a conversation that has had an unread message for 15 minutes, covering everything
 * unread and not yet emailed. The batch is claimed by moving `emailed_through_seq` from the value this run read to the
 * batch's last seq (compare-and-set), so an overlapping or retried run cannot send it twice; a send that fails gives
 * the claim back for the next run. Sent only to those who want messages by email.
 */
export async function sendMissedMessageEmails(now = new Date()): Promise<{ sent: number }> {
  const recipient = sql`party.user_id`;
  const readUpTo = sql`greatest(coalesce(${conversationReads.lastReadSeq}, 0), coalesce(${conversationReads.emailedThroughSeq}, 0))`;
  const candidates = await db
    .select({
      connectionId: connections.id,
      recipientId: sql<string>`${recipient}`,
      senderId: sql<string>`case when ${recipient} = ${connections.teacherId} then ${connections.studentId} else ${connections.teacherId} end`,
      fromSeq: sql<number>`${readUpTo}`.mapWith(Number),
      emailedSeq: sql<number>`coalesce(${conversationReads.emailedThroughSeq}, 0)`.mapWith(Number),
      throughSeq: sql<number>`max(${messages.seq})`.mapWith(Number),
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(connections)
    .innerJoin(sql`lateral (values (${connections.teacherId}), (${connections.studentId})) as party(user_id)`, sql`true`)
    .innerJoin(messages, and(eq(messages.connectionId, connections.id), ne(messages.senderId, recipient), isNull(messages.deletedAt)))
    .leftJoin(conversationReads, and(eq(conversationReads.connectionId, connections.id), eq(conversationReads.userId, recipient)))
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, recipient))
    .where(and(allAcceptedConnections(), gt(messages.seq, readUpTo), wantsEmail(notificationPreferences.emailCategories, "messages")))
    .groupBy(connections.id, recipient, conversationReads.lastReadSeq, conversationReads.emailedThroughSeq)
    .having(lte(sql`min(${messages.createdAt})`, new Date(now.getTime() - MISSED_MESSAGES_AFTER_MINUTES * MINUTE)))
    .limit(CONVERSATIONS_PER_RUN);

  let sent = 0;
  for (const candidate of candidates) {
    if (!(await claim(candidate))) continue;
    try {
      await emailBatch(candidate);
      sent++;
    } catch (error) {
      await release(candidate);
      console.error(`[messaging] missed-messages email not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { sent };
}

async function claim({ connectionId, recipientId, emailedSeq, throughSeq }: Candidate): Promise<boolean> {
  const [claimed] = await db
    .insert(conversationReads)
    .values({ connectionId, userId: recipientId, emailedThroughSeq: throughSeq })
    .onConflictDoUpdate({
      target: [conversationReads.connectionId, conversationReads.userId],
      set: { emailedThroughSeq: throughSeq },
      // Also refused once they have read the batch in the meantime.
      setWhere: sql`${conversationReads.emailedThroughSeq} = ${emailedSeq} and ${conversationReads.lastReadSeq} < ${throughSeq}`,
    })
    .returning({ connectionId: conversationReads.connectionId });
  return Boolean(claimed);
}

async function release({ connectionId, recipientId, emailedSeq, throughSeq }: Candidate): Promise<void> {
  await db
    .update(conversationReads)
    .set({ emailedThroughSeq: emailedSeq })
    .where(
      and(
        eq(conversationReads.connectionId, connectionId),
        eq(conversationReads.userId, recipientId),
        eq(conversationReads.emailedThroughSeq, throughSeq),
      ),
    );
}

async function emailBatch({ connectionId, recipientId, senderId, fromSeq, throughSeq, count }: Candidate): Promise<void> {
  const [latest, people] = await Promise.all([
    db
      .select({ body: messages.body, createdAt: messages.createdAt })
      .from(messages)
      .where(
        and(
          eq(messages.connectionId, connectionId),
          eq(messages.senderId, senderId),
          isNull(messages.deletedAt),
          gt(messages.seq, fromSeq),
          lte(messages.seq, throughSeq),
        ),
      )
      .orderBy(desc(messages.seq))
      .limit(LATEST_IN_EMAIL),
    db
      .select({ id: users.id, name: users.name, email: users.email, timezone: users.timezone })
      .from(users)
      .where(inArray(users.id, [recipientId, senderId])),
  ]);
  const reader = people.find((person) => person.id === recipientId);
  const senderName = people.find((person) => person.id === senderId)?.name ?? "Someone";
  if (!reader || latest.length === 0) return;
  await sendEmail({
    to: reader.email,
    subject: count === 1 ? `New message from ${senderName}` : `${count} new messages from ${senderName}`,
    react: MissedMessages({
      name: reader.name,
      senderName,
      count,
      latest: latest
        .reverse()
        .map((message) => ({ time: formatDateTime(message.createdAt, reader.timezone), preview: previewOf(message.body) })),
      url: appUrl(`/messages/${connectionId}`),
    }),
    idempotencyKey: `missed-messages:${connectionId}:${recipientId}:${throughSeq}`,
  });
}
