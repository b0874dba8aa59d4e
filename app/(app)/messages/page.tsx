import type { Metadata } from "next";
import { InboxProvider, LiveConversationList } from "@/components/messaging/inbox";
import { MessagesFrame, NoConversationOpen } from "@/components/messaging/messages-frame";
import { requireUser } from "@/lib/auth/session";
import { listConversations } from "@/lib/messaging/queries";

export const metadata: Metadata = { title: "Messages" };

export default async function MessagesPage({ searchParams }: PageProps<"/messages">) {
  const user = await requireUser("/messages");
  const { q } = await searchParams;
  const query = typeof q === "string" ? q.trim() : "";
  const conversations = await listConversations(user, { query });
  const viewer = { id: user.id, role: user.role, timezone: user.timezone };
  return (
    <InboxProvider initial={conversations} renderedAt={new Date().toISOString()} query={query}>
      <MessagesFrame showing="list" list={<LiveConversationList activeId={null} viewer={viewer} query={query} />}>
        <NoConversationOpen />
      </MessagesFrame>
    </InboxProvider>
  );
}
