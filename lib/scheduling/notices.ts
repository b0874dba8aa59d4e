import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import type { TransactionScope } from "@/db/transaction";
import { users, type User } from "@/db/schema";
import { notify } from "@/lib/notifications";
import type { NotificationType } from "@/lib/notifications/types";
import { formatDateTimeWithZone } from "@/lib/time";

export type Recipient = Pick<User, "id" | "name" | "email" | "timezone">;

export async function recipient(executor: Executor, userId: string): Promise<Recipient> {
  const [user] = await executor
    .select({ id: users.id, name: users.name, email: users.email, timezone: users.timezone })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!user) throw new Error(`user ${userId} vanished inside a scheduling transaction`);
  return user;
}

export const whenFor = (reader: Pick<Recipient, "timezone">, instant: Date) => formatDateTimeWithZone(instant, reader.timezone);

export interface Notice {
  type: NotificationType;
  title: string;
  body?: string;
  link: string;
}

/** Names and notes are passed as text, never markup. Email and push follow the recipient's choices (notify). */
export async function tell(scope: TransactionScope, to: Recipient, notice: Notice): Promise<void> {
  await notify([to.id], { type: notice.type, title: notice.title, body: notice.body, link: notice.link }, scope);
}
