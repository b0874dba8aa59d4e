import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { connections, emailOutbox, notifications } from "@/db/schema";
import { settleBackgroundWork } from "@/lib/background";
import { linksIn } from "@/lib/email/outbox";

export async function lastEmailTo(address: string) {
  await settleBackgroundWork();
  const [email] = await db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  return email;
}

export async function inviteLinkIn(address: string): Promise<string | undefined> {
  const email = await lastEmailTo(address);
  return email ? linksIn(email.html).find((link) => link.includes("invite=")) : undefined;
}

export const connectionRow = async (id: string) => (await db.select().from(connections).where(eq(connections.id, id)))[0];

export const notificationsOf = (userId: string) => db.select().from(notifications).where(eq(notifications.userId, userId));
