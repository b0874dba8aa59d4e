import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InboxProvider, LiveConversationList } from "@/components/messaging/inbox";
import { MessagesFrame } from "@/components/messaging/messages-frame";
import { Thread } from "@/components/messaging/thread";
import { requireUser } from "@/lib/auth/session";
import { listConversations, loadThread } from "@/lib/messaging/queries";
import { deleteMessageAction, editMessageAction, markConversationReadAction, sendMessageAction } from "../actions";

export const metadata: Metadata = { title: "Messages" };

export default async function ConversationPage({ params, searchParams }: PageProps<"/messages/[connectionId]">) {
  const [{ connectionId }, { q }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/messages/${connectionId}`);
  const query = typeof q === "string" ? q.trim() : "";
  const [page, everyone, matching] = await Promise.all([
    loadThread(user, connectionId),
    listConversations(user),
    query ? listConversations(user, { query }) : null,
  ]);
  const conversation = everyone.find((item) => item.connectionId === connectionId);
  if (!page.ok || !conversation) notFound();

  // Only what the screens need crosses to the client, never the whole account row.
  const viewer = { id: user.id, role: user.role, timezone: user.timezone };
  const renderedAt = new Date().toISOString();
  return (
    <InboxProvider initial={matching ?? everyone} renderedAt={renderedAt} query={query}>
      <MessagesFrame showing="thread" list={<LiveConversationList activeId={connectionId} viewer={viewer} query={query} />}>
        <Thread
          key={connectionId}
          connectionId={connectionId}
          viewer={viewer}
          other={conversation.other}
          initialPage={page.data}
          renderedAt={renderedAt}
          // Without JavaScript the form posts this id; a fresh one comes with every render.
          serverClientMessageId={randomUUID()}
          actions={{
            send: sendMessageAction,
            edit: editMessageAction,
            remove: deleteMessageAction,
            markRead: markConversationReadAction,
          }}
        />
      </MessagesFrame>
    </InboxProvider>
  );
}
