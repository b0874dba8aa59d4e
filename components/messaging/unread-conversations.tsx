"use client";

import { MessagesSquare } from "lucide-react";
import Link from "next/link";
import { createContext, useContext, useState, type ReactNode } from "react";
import { createCatchUpReader } from "@/components/realtime/catch-up";
import { useChannelEvents } from "@/components/realtime/realtime-provider";
import { useSessionSignal } from "@/components/shell/session-ending";
import { UNREAD_CONVERSATIONS_EVENT, type ConversationSummary, type UnreadConversationsEvent } from "@/lib/messaging/types";
import { userChannel } from "@/lib/notifications/types";
import { unreadLabel } from "./unread-label";

/** `version` moves on every event, even when the count stays (a second message in an already unread conversation). */
const UnreadConversations = createContext({ count: 0, version: 0 });

export const useUnreadConversations = () => useContext(UnreadConversations);

export function UnreadConversationsProvider({
  userId,
  initialCount,
  children,
}: {
  userId: string;
  initialCount: number;
  children: ReactNode;
}) {
  const [state, setState] = useState({ count: initialCount, version: 0, from: initialCount });
  // A server render (navigation, router.refresh) brings a fresher count than the last event.
  if (state.from !== initialCount) setState({ count: initialCount, version: state.version, from: initialCount });
  const sessionSignal = useSessionSignal();
  const [reader] = useState(createCatchUpReader);
  const received = (count: number) => setState((current) => ({ ...current, count, version: current.version + 1 }));
  // After every (re)subscription, read the count again: an event published before the socket was ready is not lost.
  const readCount = async () => {
    const signal = sessionSignal();
    if (signal.aborted) return undefined;
    try {
      const response = await fetch("/api/conversations", { cache: "no-store", signal });
      if (!response.ok) return undefined;
      const conversations = (await response.json()) as ConversationSummary[];
      return conversations.filter((conversation) => conversation.unreadCount > 0).length;
    } catch {
      // Offline or signing out: the next subscription or event brings the count.
      return undefined;
    }
  };
  useChannelEvents(
    userChannel(userId),
    {
      [UNREAD_CONVERSATIONS_EVENT]: (event: UnreadConversationsEvent) => {
        reader.noteEvent();
        received(event.count);
      },
    },
    () => void reader.read(readCount, received),
  );
  return <UnreadConversations value={state}>{children}</UnreadConversations>;
}

/** The count beside "Messages" in the navigation; the link itself carries the count in its name. */
export function UnreadConversationsBadge() {
  const { count } = useUnreadConversations();
  if (count === 0) return null;
  return (
    <span
      aria-hidden="true"
      className="ml-auto grid h-5 min-w-5 place-items-center rounded-full bg-accent px-1.5 text-[11px] font-semibold leading-none text-accent-foreground"
    >
      {unreadLabel(count)}
    </span>
  );
}

/** The phone top bar's way into messages, beside the bell. */
export function MessagesShortcut() {
  const { count } = useUnreadConversations();
  return (
    <Link
      href="/messages"
      aria-label={count > 0 ? `Messages, ${count} unread` : "Messages"}
      className="relative grid size-10 place-items-center rounded-lg text-muted-foreground transition hover:bg-surface-muted hover:text-foreground"
    >
      <MessagesSquare className="size-5" aria-hidden="true" />
      {count > 0 ? (
        <span
          className="absolute right-1 top-1 grid h-4.5 min-w-4.5 place-items-center rounded-full bg-accent px-1 text-[11px] font-semibold leading-none text-accent-foreground ring-2 ring-surface"
          aria-hidden="true"
        >
          {unreadLabel(count)}
        </span>
      ) : null}
    </Link>
  );
}
