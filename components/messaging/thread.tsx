"use client";

import { ArrowLeft, Lock } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { useChannelEvents } from "@/components/realtime/realtime-provider";
import { useSessionSignal } from "@/components/shell/session-ending";
import { Avatar } from "@/components/ui/avatar";
import type { AnyActionResult, AnyServerAction } from "@/lib/actions";
import {
  MESSAGE_EVENTS,
  MESSAGE_PAGE_SIZE,
  type ComposerState,
  type ConversationClosedEvent,
  type ConversationReopenedEvent,
  type ConversationReadEvent,
  type MessageCreatedEvent,
  type MessageUpdatedEvent,
  type MessageView,
  type ThreadPage,
  type TypingEvent,
} from "@/lib/messaging/types";
import { connectionChannel } from "@/lib/realtime/channels";
import { SECOND } from "@/lib/time";
import { newClientMessageId } from "./client-id";
import { Composer } from "./composer";
import { useInboxRefresh } from "./inbox";
import { MessageBubble, PendingBubble } from "./message-bubble";
import {
  addPending,
  canChange,
  endsRun,
  firstSeq,
  groupByDay,
  lastSeq,
  markFailed,
  mergeMessages,
  seenMessageId,
  type PendingMessage,
  type ThreadMessages,
} from "./thread-state";

const TYPING_SEND_INTERVAL = 3 * SECOND;
const TYPING_SHOWN_FOR = 5 * SECOND;
const NEAR_BOTTOM_PX = 160;

export interface ThreadActions {
  send: AnyServerAction;
  edit: AnyServerAction;
  remove: AnyServerAction;
  markRead: AnyServerAction;
}

interface ThreadProps {
  connectionId: string;
  viewer: { id: string; timezone: string };
  other: { name: string; role: "teacher" | "student" };
  initialPage: ThreadPage;
  /** The server's clock at render: the first render on the client uses it too, so hydration sees the same labels. */
  renderedAt: string;
  serverClientMessageId: string;
  actions: ThreadActions;
}

const isMessage = (value: unknown): value is MessageView =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as MessageView).id === "string" &&
  typeof (value as MessageView).seq === "number";

/** Send, edit and delete answer `{ message }`. */
const messageOf = (result: AnyActionResult): MessageView | null => {
  const message = result.ok ? (result.data as { message?: unknown } | undefined)?.message : undefined;
  return isMessage(message) ? message : null;
};

async function getJson<T>(url: string, signal: AbortSignal): Promise<T | null> {
  if (signal.aborted) return null;
  try {
    const response = await fetch(url, { cache: "no-store", signal });
    return response.ok ? ((await response.json()) as T) : null;
  } catch {
    return null;
  }
}

/** A thread that never loses a word: optimistic sends reconciled by client id, and a catch-up from the last seq after anything that could have missed an event. */
export function Thread({ connectionId, viewer, other, initialPage, renderedAt, serverClientMessageId, actions }: ThreadProps) {
  const [thread, setThread] = useState<ThreadMessages>({ messages: initialPage.messages, pending: [] });
  const [hasOlder, setHasOlder] = useState(initialPage.hasOlder);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [otherReadSeq, setOtherReadSeq] = useState(initialPage.otherReadSeq);
  const [composer, setComposer] = useState<ComposerState>(initialPage.composer);
  const [typingUntil, setTypingUntil] = useState(0);
  const [now, setNow] = useState(() => new Date(renderedAt));
  const sessionSignal = useSessionSignal();

  const latest = useRef(thread);
  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  // What the next render should do with the scroll position: stick to the bottom, or keep the reader's place above prepended pages.
  const scrollPlan = useRef<{ kind: "bottom" } | { kind: "keep"; height: number; top: number } | null>({ kind: "bottom" });
  const catchingUp = useRef<Promise<void> | null>(null);
  const catchUpAgain = useRef(false);
  const readUpTo = useRef(0);
  // The server's clock at the last page read: a catch-up also fetches what was edited or deleted since.
  const syncedAt = useRef(initialPage.syncedAt);
  const lastTypingSent = useRef(0);

  const apply = useCallback((update: (state: ThreadMessages) => ThreadMessages) => {
    const element = scroller.current;
    if (element && !scrollPlan.current) {
      const nearBottom = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
      if (nearBottom) scrollPlan.current = { kind: "bottom" };
    }
    latest.current = update(latest.current);
    setThread(latest.current);
  }, []);

  const merge = useCallback((messages: MessageView[]) => apply((state) => mergeMessages(state, messages, viewer.id)), [apply, viewer.id]);

  const scheduleInboxRefresh = useInboxRefresh();

  /** Everything after the last seq we hold, page after page; concurrent callers share one run and ask for one more. */
  const catchUp = useCallback((): Promise<void> => {
    if (catchingUp.current) {
      catchUpAgain.current = true;
      return catchingUp.current;
    }
    if (!navigator.onLine) return Promise.resolve();
    const run = async () => {
      do {
        catchUpAgain.current = false;
        for (;;) {
          const query = new URLSearchParams({ after: String(lastSeq(latest.current.messages)), changedSince: syncedAt.current });
          const page = await getJson<ThreadPage>(`/api/conversations/${connectionId}/messages?${query}`, sessionSignal());
          if (!page) return;
          // Only messages already on screen: an edit far back in the history must not drop a stray bubble above a gap.
          const held = new Set(latest.current.messages.map((message) => message.id));
          merge([...page.changed.filter((message) => held.has(message.id)), ...page.messages]);
          syncedAt.current = page.syncedAt;
          setOtherReadSeq((seq) => Math.max(seq, page.otherReadSeq));
          setComposer(page.composer);
          if (page.messages.length < MESSAGE_PAGE_SIZE) break;
        }
      } while (catchUpAgain.current);
    };
    catchingUp.current = run().finally(() => {
      catchingUp.current = null;
    });
    return catchingUp.current;
  }, [connectionId, merge, sessionSignal]);

  const loadOlder = useCallback(async () => {
    if (loadingOlder || !hasOlder) return;
    setLoadingOlder(true);
    const page = await getJson<ThreadPage>(
      `/api/conversations/${connectionId}/messages?before=${firstSeq(latest.current.messages)}`,
      sessionSignal(),
    );
    if (page) {
      const element = scroller.current;
      if (element) scrollPlan.current = { kind: "keep", height: element.scrollHeight, top: element.scrollTop };
      merge(page.messages);
      setHasOlder(page.hasOlder);
    }
    setLoadingOlder(false);
  }, [connectionId, hasOlder, loadingOlder, merge, sessionSignal]);

  useLayoutEffect(() => {
    const element = scroller.current;
    const plan = scrollPlan.current;
    scrollPlan.current = null;
    if (!element || !plan) return;
    if (plan.kind === "bottom") element.scrollTop = element.scrollHeight;
    else element.scrollTop = plan.top + (element.scrollHeight - plan.height);
  }, [thread]);

  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasOlder) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) void loadOlder();
      },
      { root: scroller.current, rootMargin: "200px 0px 0px 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasOlder, loadOlder]);

  // Read up to the newest message from the other person whenever it is on screen.
  const newestFromOther = thread.messages.findLast((message) => message.senderId !== viewer.id)?.seq ?? 0;
  const markRead = useCallback(() => {
    if (document.visibilityState !== "visible" || newestFromOther <= readUpTo.current) return;
    const before = readUpTo.current;
    readUpTo.current = newestFromOther;
    // A failed mark (offline) is tried again on the next message, visibility change or reconnect.
    const retryLater = () => {
      if (readUpTo.current === newestFromOther) readUpTo.current = before;
    };
    void actions
      .markRead(undefined, { connectionId, seq: newestFromOther })
      .then((result) => (result.ok ? scheduleInboxRefresh() : retryLater()), retryLater);
  }, [actions, connectionId, newestFromOther, scheduleInboxRefresh]);
  useEffect(markRead, [markRead]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== "visible") return;
      void catchUp();
      markRead();
    };
    const onOnline = () => {
      void catchUp();
      markRead();
      scheduleInboxRefresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", onOnline);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", onOnline);
    };
  }, [catchUp, markRead, scheduleInboxRefresh]);

  // Ticks keep the edit window and the typing indicator honest without any event.
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), typingUntil > Date.now() ? SECOND : 30 * SECOND);
    return () => clearInterval(timer);
  }, [typingUntil]);

  const trigger = useChannelEvents(
    connectionChannel(connectionId),
    {
      [MESSAGE_EVENTS.created]: (event: MessageCreatedEvent) => {
        if (event.senderId !== viewer.id) setTypingUntil(0);
        if (!latest.current.messages.some((message) => message.id === event.id)) void catchUp();
        scheduleInboxRefresh();
      },
      [MESSAGE_EVENTS.updated]: (event: MessageUpdatedEvent) => {
        void getJson<MessageView>(`/api/messages/${event.id}`, sessionSignal()).then((message) => {
          if (message) merge([message]);
        });
        scheduleInboxRefresh();
      },
      [MESSAGE_EVENTS.read]: (event: ConversationReadEvent) => {
        if (event.userId !== viewer.id) setOtherReadSeq((seq) => Math.max(seq, event.seq));
      },
      [MESSAGE_EVENTS.closed]: (event: ConversationClosedEvent) => {
        // A lock silences the student only; the teacher (whose other party is the student) keeps writing.
        if (event.composer === "locked" && other.role === "student") return;
        setComposer(event.composer);
        scheduleInboxRefresh();
      },
      [MESSAGE_EVENTS.reopened]: (event: ConversationReopenedEvent) => {
        setComposer(event.composer);
        scheduleInboxRefresh();
      },
      [MESSAGE_EVENTS.typing]: (event: TypingEvent) => {
        if (event.userId !== viewer.id) setTypingUntil(Date.now() + TYPING_SHOWN_FOR);
      },
    },
    () => void catchUp(),
  );

  const deliver = useCallback(
    async (item: PendingMessage) => {
      scrollPlan.current = { kind: "bottom" };
      apply((state) => addPending(state, item));
      let result: AnyActionResult | null = null;
      try {
        result = await actions.send(undefined, { connectionId, clientMessageId: item.clientMessageId, body: item.body });
      } catch {
        result = null;
      }
      if (result?.ok) {
        const message = messageOf(result);
        if (message) merge([message]);
        else await catchUp();
        scheduleInboxRefresh();
        return;
      }
      apply((state) => markFailed(state, item.clientMessageId));
      if (result?.code === "forbidden") void catchUp();
    },
    [actions, apply, catchUp, connectionId, merge, scheduleInboxRefresh],
  );

  const send = (body: string) => {
    void deliver({ clientMessageId: newClientMessageId(), body, createdAt: new Date().toISOString(), failed: false });
    return true;
  };

  const change = async (action: AnyServerAction, input: Record<string, unknown>): Promise<string | null> => {
    let result: AnyActionResult;
    try {
      result = await action(undefined, input);
    } catch {
      return "Couldn't reach MusBook. Check your connection and try again.";
    }
    if (!result.ok) return result.error;
    const message = messageOf(result) ?? (await getJson<MessageView>(`/api/messages/${String(input.messageId)}`, sessionSignal()));
    if (message) merge([message]);
    scheduleInboxRefresh();
    return null;
  };

  const onTyping = () => {
    const at = Date.now();
    if (at - lastTypingSent.current < TYPING_SEND_INTERVAL) return;
    if (trigger(MESSAGE_EVENTS.typing, { userId: viewer.id } satisfies TypingEvent)) lastTypingSent.current = at;
  };

  const zone = viewer.timezone;
  const seenId = seenMessageId(thread.messages, viewer.id, otherReadSeq);
  const entries: ({ kind: "message"; message: MessageView } | { kind: "pending"; item: PendingMessage })[] = [
    ...thread.messages.map((message) => ({ kind: "message" as const, message })),
    ...thread.pending.map((item) => ({ kind: "pending" as const, item })),
  ];
  const groups = groupByDay(entries, (entry) => (entry.kind === "message" ? entry.message.createdAt : entry.item.createdAt), zone, now);
  const typing = typingUntil > now.getTime();
  const firstName = other.name.split(" ")[0] ?? other.name;

  return (
    <section aria-label={`Conversation with ${other.name}`} className="flex h-full min-h-0 flex-col">
      <header className="flex items-center gap-3 border-b bg-surface px-3 py-2.5 sm:px-4">
        <Link
          href="/messages"
          className="-ml-1 grid size-10 place-items-center rounded-full text-muted-foreground hover:bg-surface-muted hover:text-foreground lg:hidden"
        >
          <ArrowLeft className="size-5" aria-hidden="true" />
          <span className="sr-only">All conversations</span>
        </Link>
        <Avatar name={other.name} />
        <div className="min-w-0">
          <h2 className="truncate text-base font-semibold leading-tight">{other.name}</h2>
          <p className="text-xs capitalize text-muted-foreground">{other.role}</p>
        </div>
      </header>

      <div
        ref={scroller}
        className="min-h-0 flex-1 overflow-y-auto overscroll-contain bg-background px-3 py-4 sm:px-6"
        data-testid="thread-scroller"
      >
        {hasOlder ? (
          <div ref={sentinel} className="flex justify-center pb-4">
            <button
              type="button"
              onClick={() => void loadOlder()}
              disabled={loadingOlder}
              className="rounded-full border bg-surface px-3 py-1.5 text-xs font-medium text-muted-foreground shadow-sm hover:text-foreground disabled:opacity-60"
            >
              {loadingOlder ? "Loading…" : "Load earlier messages"}
            </button>
          </div>
        ) : thread.messages.length > 0 ? (
          <p className="pb-4 text-center text-xs text-muted-foreground">This is the start of your conversation with {other.name}.</p>
        ) : null}

        {entries.length === 0 ? (
          <div className="grid h-full place-items-center text-center">
            <div className="max-w-xs space-y-2">
              <Avatar name={other.name} size="lg" className="mx-auto" />
              <p className="font-medium">Say hello to {firstName}</p>
              <p className="text-sm text-muted-foreground">Messages about lessons, practice and times live here, for both of you.</p>
            </div>
          </div>
        ) : null}

        <ol aria-label="Messages" className="space-y-1">
          {groups.map((group) => (
            <li key={group.day}>
              <div className="sticky top-0 z-[1] flex justify-center py-2">
                <span className="rounded-full border bg-surface px-3 py-1 text-[11px] font-medium text-muted-foreground shadow-sm">
                  {group.label}
                </span>
              </div>
              <ol className="space-y-1.5">
                {group.items.map((entry, index) => {
                  const previous = group.items[index - 1];
                  const sender = entry.kind === "message" ? entry.message.senderId : viewer.id;
                  const previousSender = previous ? (previous.kind === "message" ? previous.message.senderId : viewer.id) : null;
                  const spacing = previousSender === sender ? "" : "pt-2";
                  const next = group.items[index + 1];
                  if (entry.kind === "pending") {
                    const { item } = entry;
                    return (
                      <li key={item.clientMessageId} className={spacing}>
                        <PendingBubble
                          body={item.body}
                          createdAt={item.createdAt}
                          failed={item.failed}
                          zone={zone}
                          onRetry={() => void deliver({ ...item, failed: false })}
                        />
                      </li>
                    );
                  }
                  const { message } = entry;
                  const own = message.senderId === viewer.id;
                  return (
                    <li key={own ? message.clientMessageId : message.id} className={spacing}>
                      <MessageBubble
                        message={message}
                        own={own}
                        zone={zone}
                        seen={message.id === seenId}
                        showTime={endsRun(
                          message,
                          next?.kind === "message" ? next.message : next && { senderId: viewer.id, createdAt: next.item.createdAt },
                        )}
                        changeable={composer === "open" && canChange(message, viewer.id, now)}
                        onEdit={(body) => change(actions.edit, { messageId: message.id, body })}
                        onDelete={() => change(actions.remove, { messageId: message.id })}
                      />
                    </li>
                  );
                })}
              </ol>
            </li>
          ))}
        </ol>

        {typing ? (
          <p className="mt-3 flex items-center gap-2 text-xs text-muted-foreground" role="status">
            <span className="flex gap-0.5" aria-hidden="true">
              <span className="size-1.5 animate-bounce rounded-full bg-muted-foreground/70 [animation-delay:-0.3s]" />
              <span className="size-1.5 animate-bounce rounded-full bg-muted-foreground/70 [animation-delay:-0.15s]" />
              <span className="size-1.5 animate-bounce rounded-full bg-muted-foreground/70" />
            </span>
            {firstName} is typing…
          </p>
        ) : null}
      </div>

      {composer === "open" ? (
        <Composer
          connectionId={connectionId}
          otherName={firstName}
          serverClientMessageId={serverClientMessageId}
          sendAction={actions.send}
          onSend={send}
          onTyping={onTyping}
        />
      ) : (
        <div role="status" className="flex items-start gap-3 border-t bg-surface-muted px-4 py-4 text-sm text-muted-foreground">
          <Lock className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <p>
            {composer === "ended" ? (
              "This connection has ended. The conversation is kept here, read-only."
            ) : other.role === "teacher" ? (
              `${other.name} has made messages read-only. You can read the conversation, but not send new messages.`
            ) : (
              <>
                Messaging with {other.name} is paused.{" "}
                <Link href={`/students/${connectionId}`} className="font-medium text-accent underline-offset-2 hover:underline">
                  Turn it on
                </Link>{" "}
                to write again.
              </>
            )}
          </p>
        </div>
      )}
    </section>
  );
}
