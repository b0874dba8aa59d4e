import { MessagesSquare } from "lucide-react";
import type { Route } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/dashboard/parts";
import { Avatar } from "@/components/ui/avatar";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import type { ConversationSummary } from "@/lib/messaging/types";
import { UnreadPill } from "./conversation-list";
import { conversationPreview, inboxStamp } from "./thread-state";

/** The newest of the conversations with unread messages; `total` counts them all. */
export function UnreadMessagesCard({
  conversations,
  total,
  viewerId,
  zone,
  now,
}: {
  conversations: ConversationSummary[];
  total: number;
  viewerId: string;
  zone: string;
  now: Date;
}) {
  return (
    <Card aria-labelledby="unread-messages">
      <CardHeader>
        <CardTitle id="unread-messages">Unread messages</CardTitle>
        <Link href="/messages" className="text-xs font-medium text-accent underline-offset-2 hover:underline">
          All messages
        </Link>
      </CardHeader>
      <CardBody>
        {conversations.length > 0 ? (
          <ul className="divide-y rounded-xl border">
            {conversations.map((conversation) => (
              <li key={conversation.connectionId}>
                <Link
                  href={`/messages/${conversation.connectionId}` as Route}
                  className="flex items-center gap-3 px-4 py-3 transition first:rounded-t-xl last:rounded-b-xl hover:bg-surface-muted"
                >
                  <Avatar name={conversation.other.name} />
                  <div className="min-w-0 flex-1">
                    <div className="flex items-baseline justify-between gap-2">
                      <p className="truncate text-sm font-semibold">{conversation.other.name}</p>
                      {conversation.lastMessage ? (
                        <span className="shrink-0 text-xs tabular-nums text-muted-foreground">
                          {inboxStamp(new Date(conversation.lastMessage.createdAt), zone, now)}
                        </span>
                      ) : null}
                    </div>
                    <p className="truncate text-sm text-muted-foreground">{conversationPreview(conversation, viewerId)}</p>
                  </div>
                  <UnreadPill count={conversation.unreadCount} />
                </Link>
              </li>
            ))}
            {total > conversations.length ? (
              <li>
                <Link
                  href="/messages"
                  className="block px-4 py-2.5 text-center text-sm font-medium text-accent last:rounded-b-xl hover:bg-surface-muted"
                >
                  {total - conversations.length} more with unread messages
                </Link>
              </li>
            ) : null}
          </ul>
        ) : (
          <EmptyState>
            <MessagesSquare className="mx-auto mb-2 size-5" aria-hidden="true" />
            You’re all caught up.
          </EmptyState>
        )}
      </CardBody>
    </Card>
  );
}
