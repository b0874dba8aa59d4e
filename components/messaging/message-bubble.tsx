"use client";

import { AlertCircle, Check, Clock3, MoreHorizontal, Pencil, RotateCw, Trash2 } from "lucide-react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { MessageView } from "@/lib/messaging/types";
import { formatTime } from "@/lib/time";
import { cn } from "@/lib/utils";
import { LinkedText } from "@/components/ui/linked-text";
import { composerCount } from "./thread-state";

function Shell({ own, children, footer, menu }: { own: boolean; children: ReactNode; footer: ReactNode; menu?: ReactNode }) {
  return (
    <div className={cn("group flex items-center gap-1", own ? "flex-row-reverse" : "flex-row")}>
      <div className={cn("flex max-w-[85%] flex-col sm:max-w-[70%]", own ? "items-end" : "items-start")}>
        {children}
        {footer}
      </div>
      {menu}
    </div>
  );
}

const bubbleClasses = (own: boolean) =>
  cn(
    "whitespace-pre-wrap break-words rounded-2xl px-3.5 py-2 text-[15px] leading-snug shadow-sm [overflow-wrap:anywhere] sm:text-sm",
    own ? "rounded-br-md bg-accent text-accent-foreground" : "rounded-bl-md border bg-surface text-foreground",
  );

const linkClasses = (own: boolean) => cn("underline underline-offset-2", own ? "decoration-accent-foreground/60" : "text-accent");

export function PendingBubble({
  body,
  createdAt,
  failed,
  zone,
  onRetry,
}: {
  body: string;
  createdAt: string;
  failed: boolean;
  zone: string;
  onRetry: () => void;
}) {
  return (
    <Shell
      own
      footer={
        failed ? (
          <p className="mt-1 flex items-center gap-2 text-xs text-red-600 dark:text-red-400" role="alert">
            <AlertCircle className="size-3.5" aria-hidden="true" />
            Not sent
            <button type="button" onClick={onRetry} className="inline-flex items-center gap-1 font-medium underline underline-offset-2">
              <RotateCw className="size-3" aria-hidden="true" />
              Retry
            </button>
          </p>
        ) : (
          <p className="mt-1 flex items-center gap-1 text-[11px] text-muted-foreground">
            <Clock3 className="size-3" aria-hidden="true" />
            Sending… <span className="sr-only">{formatTime(new Date(createdAt), zone)}</span>
          </p>
        )
      }
    >
      <div
        className={cn(bubbleClasses(true), failed ? "opacity-60" : "opacity-80")}
        data-status={failed ? "failed" : "pending"}
        data-testid="message-body"
      >
        <LinkedText text={body} linkClassName={linkClasses(true)} />
      </div>
    </Shell>
  );
}

interface MessageBubbleProps {
  message: MessageView;
  own: boolean;
  zone: string;
  seen: boolean;
  /** False inside a run from one sender: the time is left to the run's last message (still read out to screen readers). */
  showTime: boolean;
  changeable: boolean;
  onEdit: (body: string) => Promise<string | null>;
  onDelete: () => Promise<string | null>;
}

/** One message; the sender's own, while still within the edit window, has a small menu to edit or delete it in place. */
export function MessageBubble({ message, own, zone, seen, showTime, changeable, onEdit, onDelete }: MessageBubbleProps) {
  const [chosenMode, setMode] = useState<"view" | "menu" | "edit" | "delete">("view");
  // The menu and its forms close by themselves when the edit window ends.
  const mode = changeable ? chosenMode : "view";
  const [draft, setDraft] = useState(message.body);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Touch screens have no hover: a tap on one's own bubble shows its options button.
  const [revealed, setRevealed] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const time = formatTime(new Date(message.createdAt), zone);

  useEffect(() => {
    if (mode !== "menu") return;
    const close = (event: PointerEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !menuRef.current?.contains(event.target as Node)) setMode("view");
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, [mode]);

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    const failure = await work();
    setBusy(false);
    setError(failure);
    if (!failure) setMode("view");
  };

  if (message.deletedAt) {
    return (
      <Shell own={own} footer={<p className="mt-1 px-1 text-[11px] text-muted-foreground">{time}</p>}>
        <p className="rounded-2xl border border-dashed px-3.5 py-2 text-sm italic text-muted-foreground" data-testid="message-body">
          Message deleted
        </p>
      </Shell>
    );
  }

  const footer = (
    <>
      {showTime || message.editedAt ? (
        <p className="mt-1 flex items-center gap-1.5 px-1 text-[11px] tabular-nums text-muted-foreground">
          <time dateTime={message.createdAt} className={showTime ? undefined : "sr-only"}>
            {time}
          </time>
          {message.editedAt ? <span>{showTime ? "· edited" : "edited"}</span> : null}
        </p>
      ) : (
        <time dateTime={message.createdAt} className="sr-only">
          {time}
        </time>
      )}
      {seen ? (
        <p className="flex items-center gap-1 px-1 text-[11px] font-medium text-muted-foreground">
          <Check className="size-3" aria-hidden="true" />
          Seen
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 px-1 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </>
  );

  if (mode === "edit") {
    const count = composerCount(draft);
    return (
      <Shell own={own} footer={footer}>
        <form
          className="w-72 max-w-full space-y-2 rounded-2xl border bg-surface p-2 shadow-sm sm:w-96"
          aria-label="Edit message"
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim() !== "" && count.tone !== "over") void run(() => onEdit(draft));
          }}
        >
          <textarea
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            aria-label="Edited message"
            rows={3}
            autoFocus
            className="block w-full resize-y rounded-lg border bg-background px-2.5 py-2 text-base outline-none focus:border-accent sm:text-sm"
          />
          <div className="flex items-center justify-end gap-2 text-xs">
            <span className={cn("mr-auto tabular-nums", count.tone === "over" ? "text-red-600" : "text-muted-foreground")}>
              {count.label}
            </span>
            <button type="button" onClick={() => setMode("view")} className="rounded-md px-2.5 py-1.5 font-medium hover:bg-surface-muted">
              Cancel
            </button>
            <button
              type="submit"
              disabled={busy}
              className="rounded-md bg-accent px-2.5 py-1.5 font-medium text-accent-foreground disabled:opacity-60"
            >
              {busy ? "Saving…" : "Save"}
            </button>
          </div>
        </form>
      </Shell>
    );
  }

  const menu = changeable ? (
    <div ref={menuRef} className="relative">
      <button
        type="button"
        aria-label="Message options"
        aria-haspopup="menu"
        aria-expanded={mode === "menu"}
        onClick={() => setMode(mode === "menu" ? "view" : "menu")}
        className={cn(
          "grid size-8 place-items-center rounded-full text-muted-foreground transition hover:bg-surface-muted hover:text-foreground",
          revealed ? "opacity-100" : "opacity-0 focus-visible:opacity-100 group-hover:opacity-100 aria-expanded:opacity-100",
        )}
      >
        <MoreHorizontal className="size-4" aria-hidden="true" />
      </button>
      {mode === "menu" ? (
        <div role="menu" className="absolute bottom-9 right-0 z-10 w-36 rounded-xl border bg-surface p-1 text-sm shadow-lg">
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setDraft(message.body);
              setMode("edit");
            }}
            className="flex w-full items-center gap-2 rounded-lg px-2.5 py-2 hover:bg-surface-muted"
          >
            <Pencil className="size-4" aria-hidden="true" />
            Edit
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => setMode("delete")}
            className="flex w-full items-center gap-2 rounded-lg px-2.5 py-2 text-red-600 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950/40"
          >
            <Trash2 className="size-4" aria-hidden="true" />
            Delete
          </button>
        </div>
      ) : null}
    </div>
  ) : null;

  return (
    <Shell own={own} footer={footer} menu={menu}>
      <div
        className={bubbleClasses(own)}
        data-testid="message-body"
        onClick={changeable ? () => setRevealed((value) => !value) : undefined}
      >
        <LinkedText text={message.body} linkClassName={linkClasses(own)} />
      </div>
      {mode === "delete" ? (
        <div
          role="group"
          aria-label="Confirm delete"
          className="mt-1.5 flex items-center gap-2 rounded-lg border bg-surface px-2.5 py-1.5 text-xs shadow-sm"
        >
          <span>Delete this message?</span>
          <button type="button" disabled={busy} onClick={() => void run(onDelete)} className="font-semibold text-red-600 dark:text-red-400">
            {busy ? "Deleting…" : "Delete"}
          </button>
          <button type="button" onClick={() => setMode("view")} className="font-medium text-muted-foreground">
            Cancel
          </button>
        </div>
      ) : null}
    </Shell>
  );
}
