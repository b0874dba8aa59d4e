import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { emailOutbox, type OutboxEmail } from "@/db/schema";
import { isUuid } from "@/lib/access/ids";

/** The newest emails first, all of them or those to one address. */
export async function listOutbox({ to, limit = 50 }: { to?: string; limit?: number } = {}): Promise<
  Pick<OutboxEmail, "id" | "toAddress" | "subject" | "createdAt">[]
> {
  return db
    .select({ id: emailOutbox.id, toAddress: emailOutbox.toAddress, subject: emailOutbox.subject, createdAt: emailOutbox.createdAt })
    .from(emailOutbox)
    .where(to === undefined ? undefined : eq(emailOutbox.toAddress, to))
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
