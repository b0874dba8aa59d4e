import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { emailOutbox, type OutboxEmail } from "@/db/schema";
import { isUuid } from "@/lib/access/ids";

export async function listOutbox(limit = 50): Promise<Pick<OutboxEmail, "id" | "toAddress" | "subject" | "createdAt">[]> {
  return db
    .select({ id: emailOutbox.id, toAddress: emailOutbox.toAddress, subject: emailOutbox.subject, createdAt: emailOutbox.createdAt })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}

export async function findOutboxEmail(id: string): Promise<OutboxEmail | undefined> {
  if (!isUuid(id)) return undefined;
  const [email] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  return email;
}

/** The http(s) links in an email's HTML, in order, without duplicates. */
export function linksIn(html: string): string[] {
  const links = [...html.matchAll(/href="(https?:\/\/[^"]+)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
  return [...new Set(links)];
}
