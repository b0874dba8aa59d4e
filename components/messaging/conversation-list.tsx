import { Lock, MessagesSquare, Search } from "lucide-react";
import type { Route } from "next";
import Form from "next/form";
import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import type { ConversationSummary } from "@/lib/messaging/types";
import { cn } from "@/lib/utils";
import { conversationPreview, inboxStamp } from "./thread-state";
import { unreadLabel } from "./unread-label";

export function UnreadPill({ count }: { count: number }) {
  return (
    <span
      className="grid h-5 min-w-5 shrink-0 place-items-center rounded-full bg-accent px-1.5 text-[11px] font-semibold leading-none text-accent-foreground"
      aria-label={`${count} unread`}
    >
      {unreadLabel(count)}
    </span>
  );
}

interface ConversationListProps {
  conversations: ConversationSummary[];
  activeId: string | null;
  viewer: { id: string; role: "teacher" | "student"; timezone: string };
  query: string;
  now: Date;
}

/** The inbox: newest activity first; the search is a GET form, so it works before (and without) JavaScript. */
export function ConversationList({ conversations, activeId, viewer, query, now }: ConversationListProps) {
  const suffix = query ? `?q=${encodeURIComponent(query)}` : "";
  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="space-y-3 border-b px-4 pb-3 pt-4">
        <h1 className="text-xl font-bold tracking-tight">Messages</h1>
        <Form action={activeId ? `/messages/${activeId}` : "/messages"} role="search" className="relative">
          <label htmlFor="conversation-search" className="sr-only">
            Search messages
          </label>
          <Search
            className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden="true"
          />
          <input
            id="conversation-search"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={100}
            placeholder="Search names and messages"
            className="h-10 w-full rounded-full border bg-surface-muted pl-9 pr-3 text-base outline-none transition placeholder:text-muted-foreground/70 focus:border-accent focus:bg-surface focus:ring-2 focus:ring-ring/30 sm:text-sm"
          />
          <button type="submit" className="sr-only">
            Search
          </button>
        </Form>
      </div>

      {conversations.length > 0 ? (
        <ul aria-label="Conversations" className="min-h-0 flex-1 overflow-y-auto p-2">
          {conversations.map((conversation) => {
            const active = conversation.connectionId === activeId;
            const unread = conversation.unreadCount > 0;
            const stampAt = new Date(conversation.lastMessage?.createdAt ?? conversation.lastActivityAt);
            return (
              <li key={conversation.connectionId}>
                <Link
                  href={`/messages/${conversation.connectionId}${suffix}` as Route}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex items-center gap-3 rounded-xl px-3 py-3 transition",
                    active ? "bg-accent-soft" : "hover:bg-surface-muted",
                  )}
                >
                  <Avatar name={conversation.other.name} size="md" />
                  <div className="min-w-0 flex-1">
                    <div className="flex items-baseline justify-between gap-2">
                      <p className={cn("truncate text-sm", unread ? "font-semibold" : "font-medium")}>{conversation.other.name}</p>
                      <time
                        dateTime={stampAt.toISOString()}
                        className={cn("shrink-0 text-xs tabular-nums", unread ? "font-semibold text-accent" : "text-muted-foreground")}
                      >
                        {inboxStamp(stampAt, viewer.timezone, now)}
                      </time>
                    </div>
                    <div className="mt-0.5 flex items-center justify-between gap-2">
                      <p className={cn("truncate text-sm", unread ? "text-foreground" : "text-muted-foreground")}>
                        {conversation.composer !== "open" ? (
                          <Lock className="mr-1 inline size-3 align-[-1px]" aria-label="Read-only" />
                        ) : null}
                        {conversationPreview(conversation, viewer.id)}
                      </p>
                      {unread ? <UnreadPill count={conversation.unreadCount} /> : null}
                    </div>
                  </div>
                </Link>
              </li>
            );
          })}
        </ul>
      ) : query ? (
        <div className="px-6 py-10 text-center text-sm text-muted-foreground">
          <p>
            Nothing matches <span className="font-medium text-foreground">“{query}”</span>.
          </p>
          <Link
            href={(activeId ? `/messages/${activeId}` : "/messages") as Route}
            className="mt-2 inline-block font-medium text-accent hover:underline"
          >
            Clear the search
          </Link>
        </div>
      ) : (
        <div className="flex flex-1 flex-col items-center justify-center gap-3 px-6 py-10 text-center">
          <span className="grid size-12 place-items-center rounded-2xl bg-accent-soft text-accent-soft-foreground">
            <MessagesSquare className="size-6" aria-hidden="true" />
          </span>
          <p className="font-medium">No conversations yet</p>
          <p className="max-w-xs text-sm text-muted-foreground">
            {viewer.role === "teacher"
              ? "Each student you teach gets a conversation here once they accept your invitation."
              : "Each teacher gets a conversation here once you accept their invitation."}
          </p>
          <Link
            href={viewer.role === "teacher" ? "/students" : "/teachers"}
            className="rounded-lg bg-accent px-4 py-2 text-sm font-medium text-accent-foreground shadow-sm hover:brightness-110"
          >
            {viewer.role === "teacher" ? "Invite a student" : "See your invitations"}
          </Link>
        </div>
      )}
    </div>
  );
}
