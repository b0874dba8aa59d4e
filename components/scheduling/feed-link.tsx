"use client";

import { Copy, RefreshCw } from "lucide-react";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert, Input } from "@/components/ui/field";
import type { ServerAction } from "@/lib/actions";

/** Makes (or replaces) the secret iCalendar URL; it is shown once, since only its hash is stored. */
export function FeedLink({ regenerateFeed, hasToken }: { regenerateFeed: ServerAction<{ url: string }>; hasToken: boolean }) {
  const [copied, setCopied] = useState(false);
  const regenerate = useAction(regenerateFeed, { onSuccess: () => setCopied(false) });
  const url = regenerate.data?.url;
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted-foreground">
        Subscribe from Google Calendar, Apple Calendar or your phone. Anyone with the link can read your lessons and events, so keep it
        private.
        {hasToken && !url ? " Making a new link stops the old one working." : ""}
      </p>
      {regenerate.error ? <FormAlert>{regenerate.error}</FormAlert> : null}
      {url ? (
        <div className="flex gap-2">
          <Input readOnly value={url} aria-label="Calendar feed URL" onFocus={(event) => event.currentTarget.select()} />
          <Button
            variant="secondary"
            onClick={() => {
              void navigator.clipboard?.writeText(url).then(() => setCopied(true));
            }}
          >
            <Copy className="size-4" aria-hidden="true" />
            {copied ? "Copied" : "Copy"}
          </Button>
        </div>
      ) : null}
      <Button variant="secondary" size="sm" disabled={regenerate.pending} onClick={() => regenerate.run()}>
        <RefreshCw className="size-4" aria-hidden="true" />
        {hasToken || url ? "Make a new feed link" : "Create feed link"}
      </Button>
    </div>
  );
}
