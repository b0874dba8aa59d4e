"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { useSessionSignal } from "@/components/shell/session-ending";
import type { ConversationSummary } from "@/lib/messaging/types";
import { ConversationList } from "./conversation-list";
import { useUnreadConversations } from "./unread-conversations";

const REFRESH_DELAY_MS = 300;

interface Inbox {
  conversations: ConversationSummary[];
  now: Date;
  /** Asks the server for the inbox again soon (one request for a burst of calls). */
  refresh: () => void;
}

const InboxContext = createContext<Inbox | null>(null);

/** A thread outside the inbox screen has nothing to refresh. */
export const useInboxRefresh = () => useContext(InboxContext)?.refresh ?? (() => {});

/**
 * The inbox's rows follow events through the JSON route, not router.refresh(): a refresh that fails (offline)
 * makes Next fall back to a full navigation, which would throw away an open thread.
 */
export function InboxProvider({
  initial,
  renderedAt,
  query,
  children,
}: {
  initial: ConversationSummary[];
  renderedAt: string;
  query: string;
  children: ReactNode;
}) {
  const [state, setState] = useState({ conversations: initial, now: new Date(renderedAt), from: initial });
  // A server render (a new search, a navigation) replaces what the client had.
  if (state.from !== initial) setState({ conversations: initial, now: new Date(renderedAt), from: initial });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sessionSignal = useSessionSignal();

  const refresh = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const signal = sessionSignal();
      if (!navigator.onLine || signal.aborted) return;
      try {
        const response = await fetch(`/api/conversations${query ? `?q=${encodeURIComponent(query)}` : ""}`, { cache: "no-store", signal });
        if (!response.ok) return;
        const conversations = (await response.json()) as ConversationSummary[];
        setState((current) => ({ ...current, conversations, now: new Date() }));
      } catch {
        // The next event, or coming back online, asks again.
      }
    }, REFRESH_DELAY_MS);
  }, [query, sessionSignal]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const { version } = useUnreadConversations();
  const seen = useRef(version);
  useEffect(() => {
    if (version === seen.current) return;
    seen.current = version;
    refresh();
  }, [version, refresh]);
  useEffect(() => {
    window.addEventListener("online", refresh);
    return () => window.removeEventListener("online", refresh);
  }, [refresh]);

  return <InboxContext value={{ conversations: state.conversations, now: state.now, refresh }}>{children}</InboxContext>;
}

export function LiveConversationList(props: Omit<Parameters<typeof ConversationList>[0], "conversations" | "now">) {
  const inbox = useContext(InboxContext);
  if (!inbox) throw new Error("LiveConversationList must be used inside <InboxProvider>");
  return <ConversationList {...props} conversations={inbox.conversations} now={inbox.now} />;
}
