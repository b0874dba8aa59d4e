"use client";

import { SendHorizontal } from "lucide-react";
import { useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useAction } from "@/components/forms/use-action";
import type { AnyServerAction } from "@/lib/actions";
import { MESSAGE_MAX_LENGTH } from "@/lib/messaging/types";
import { cn } from "@/lib/utils";
import { composerCount } from "./thread-state";

const MAX_HEIGHT_PX = 160;

interface ComposerProps {
  connectionId: string;
  otherName: string;
  /** Made by the server at render time: the form posts it when JavaScript has not loaded. */
  serverClientMessageId: string;
  sendAction: AnyServerAction;
  /** The optimistic path once hydrated; the composer clears itself when it returns true. */
  onSend: (body: string) => boolean;
  onTyping: () => void;
}

/** Enter sends, Shift+Enter breaks the line; the same form posts to the action without JavaScript. */
export function Composer({ connectionId, otherName, serverClientMessageId, sendAction, onSend, onTyping }: ComposerProps) {
  const { formAction, error } = useAction(sendAction);
  const [body, setBody] = useState("");
  // Read and cleared synchronously, so a double click or Enter pressed twice sends the text once.
  const current = useRef("");
  const textarea = useRef<HTMLTextAreaElement>(null);
  const count = composerCount(body);
  const empty = body.trim() === "";

  useLayoutEffect(() => {
    const element = textarea.current;
    if (!element) return;
    element.style.height = "auto";
    element.style.height = `${Math.min(element.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [body]);

  const update = (value: string) => {
    current.current = value;
    setBody(value);
    if (value.trim() !== "") onTyping();
  };

  const submit = () => {
    const text = current.current;
    if (text.trim() === "" || composerCount(text).tone === "over") return;
    if (onSend(text)) update("");
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  };

  return (
    <form action={formAction} onSubmit={onSubmit} className="border-t bg-surface px-3 py-3 sm:px-4" aria-label="Write a message">
      <input type="hidden" name="connectionId" value={connectionId} />
      <input type="hidden" name="clientMessageId" value={serverClientMessageId} />
      {error ? (
        <p role="alert" className="mb-2 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex items-end gap-2">
        <div className="min-w-0 flex-1 rounded-2xl border bg-background px-3.5 py-2 shadow-sm transition focus-within:border-accent focus-within:ring-2 focus-within:ring-ring/30">
          <label htmlFor="message-body" className="sr-only">
            Message {otherName}
          </label>
          <textarea
            ref={textarea}
            id="message-body"
            name="body"
            rows={1}
            value={body}
            maxLength={MESSAGE_MAX_LENGTH}
            onChange={(event) => update(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder={`Message ${otherName}`}
            aria-describedby="message-count"
            className="block max-h-40 w-full resize-none bg-transparent py-1 text-base leading-6 outline-none placeholder:text-muted-foreground/70 sm:text-sm"
          />
        </div>
        <button
          type="submit"
          // Never disabled while empty: before hydration this button is the only way to post the form.
          disabled={count.tone === "over"}
          aria-label="Send"
          className={cn(
            "grid size-11 shrink-0 place-items-center rounded-full bg-accent text-accent-foreground shadow-sm transition hover:brightness-110 disabled:opacity-40",
            empty && "opacity-60",
          )}
        >
          <SendHorizontal className="size-5" aria-hidden="true" />
        </button>
      </div>
      <div className="mt-1.5 flex items-center justify-between gap-3 px-1 text-xs text-muted-foreground">
        <span className="hidden sm:inline">Enter to send · Shift+Enter for a new line</span>
        <span
          id="message-count"
          aria-live={count.tone === "quiet" ? "off" : "polite"}
          className={cn(
            "ml-auto tabular-nums",
            count.tone === "warning" && "font-medium text-amber-700 dark:text-amber-300",
            count.tone === "over" && "font-medium text-red-600 dark:text-red-400",
          )}
        >
          {count.label}
        </span>
      </div>
    </form>
  );
}
