"use client";

import { Check, Copy, Link2, RefreshCw } from "lucide-react";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert, Input } from "@/components/ui/field";
import type { ServerAction } from "@/lib/actions";

/**
 * The private iCalendar link: shown and copyable whenever the calendar is open. Replacing it is a separate step that
 * asks first, since every calendar subscribed to the old link stops updating.
 */
export function FeedLink({
  regenerateFeed,
  url: savedUrl,
  exists,
}: {
  regenerateFeed: ServerAction<{ url: string }>;
  url: string | null;
  exists: boolean;
}) {
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const regenerate = useAction(regenerateFeed, {
    onSuccess: () => {
      setCopied(false);
      setConfirming(false);
    },
  });
  const url = regenerate.data?.url ?? savedUrl;

  return (
    <div className="space-y-3">
      <p className="text-sm text-muted-foreground">
        Subscribe from Google Calendar, Apple Calendar or your phone, and your lessons and events stay up to date there. Anyone with the
        link can read them, so keep it private.
      </p>
      {regenerate.error ? <FormAlert>{regenerate.error}</FormAlert> : null}
      {url ? (
        <>
          <div className="flex gap-2">
            <Input readOnly value={url} aria-label="Calendar feed URL" onFocus={(event) => event.currentTarget.select()} />
            <Button
              variant="secondary"
              onClick={() => {
                void navigator.clipboard?.writeText(url).then(() => setCopied(true));
              }}
            >
              {copied ? <Check className="size-4" aria-hidden="true" /> : <Copy className="size-4" aria-hidden="true" />}
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          {confirming ? (
            <div
              role="group"
              aria-label="Confirm a new feed link"
              className="space-y-3 rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100"
            >
              <p>
                The link above stops working at once: every calendar subscribed to it stops updating until you subscribe again with the new
                link. Do this if the link was shared by mistake.
              </p>
              <div className="flex flex-wrap justify-end gap-2">
                <Button variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={regenerate.pending}>
                  Keep this link
                </Button>
                <Button variant="danger" size="sm" onClick={() => regenerate.run()} disabled={regenerate.pending}>
                  {regenerate.pending ? "Replacing…" : "Replace the link"}
                </Button>
              </div>
            </div>
          ) : (
            <Button variant="ghost" size="sm" onClick={() => setConfirming(true)}>
              <RefreshCw className="size-4" aria-hidden="true" />
              Replace with a new link…
            </Button>
          )}
        </>
      ) : (
        <>
          {exists ? (
            <p className="text-sm text-muted-foreground">Your earlier link can no longer be shown here. A new one replaces it.</p>
          ) : null}
          <Button variant="secondary" size="sm" disabled={regenerate.pending} onClick={() => regenerate.run()}>
            <Link2 className="size-4" aria-hidden="true" />
            {regenerate.pending ? "Creating…" : exists ? "Make a new feed link" : "Create feed link"}
          </Button>
        </>
      )}
    </div>
  );
}
