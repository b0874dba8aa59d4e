"use client";

import { X } from "lucide-react";
import { useState, type KeyboardEvent } from "react";
import { cn } from "@/lib/utils";

/**
 * Instruments as removable chips: Enter or a comma adds what was typed, Backspace in the empty box removes
 * the last one. The form receives one comma-separated `instruments` value (text still in the box included),
 * and the server applies the limits again.
 */
export function InstrumentsInput({
  id,
  defaultValue,
  maxCount,
  maxLength,
  error,
  describedBy,
}: {
  id: string;
  defaultValue: string[];
  maxCount: number;
  maxLength: number;
  error?: string;
  describedBy?: string;
}) {
  const [chips, setChips] = useState(defaultValue);
  const [draft, setDraft] = useState("");
  const full = chips.length >= maxCount;

  function add(text: string) {
    const name = text.trim().replace(/\s+/g, " ");
    setDraft("");
    if (!name || chips.some((chip) => chip.toLowerCase() === name.toLowerCase())) return;
    setChips((current) => [...current, name]);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add(draft);
    } else if (event.key === "Backspace" && draft === "" && chips.length > 0) {
      setChips((current) => current.slice(0, -1));
    }
  }

  return (
    <div
      className={cn(
        "flex min-h-11 w-full flex-wrap items-center gap-1.5 rounded-lg border bg-surface px-2 py-1.5 shadow-sm transition focus-within:border-accent focus-within:ring-2 focus-within:ring-ring/30",
        error && "border-red-500",
      )}
    >
      <input type="hidden" name="instruments" value={[...chips, draft].join(",")} />
      <ul className="contents" aria-label="Your instruments">
        {chips.map((chip) => (
          <li
            key={chip}
            className="inline-flex items-center gap-1 rounded-full bg-accent-soft py-0.5 pl-2.5 pr-1 text-sm text-accent-soft-foreground"
          >
            {chip}
            <button
              type="button"
              onClick={() => setChips((current) => current.filter((other) => other !== chip))}
              className="grid size-5 place-items-center rounded-full hover:bg-black/10 dark:hover:bg-white/10"
              aria-label={`Remove ${chip}`}
            >
              <X className="size-3" aria-hidden="true" />
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        value={draft}
        onChange={(event) => (event.target.value.includes(",") ? add(event.target.value.replace(/,/g, "")) : setDraft(event.target.value))}
        onKeyDown={onKeyDown}
        disabled={full}
        maxLength={maxLength}
        placeholder={full ? `${maxCount} instruments is the most` : chips.length === 0 ? "Piano, violin, voice…" : "Add another"}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="h-8 min-w-32 flex-1 bg-transparent px-1 text-base outline-none placeholder:text-muted-foreground/70 disabled:cursor-not-allowed sm:text-sm"
      />
    </div>
  );
}
