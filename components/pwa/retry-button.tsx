"use client";

import { RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Loads the page that could not be reached again: the offline page stands in at that page's address. */
export function RetryButton() {
  return (
    <Button onClick={() => window.location.reload()}>
      <RefreshCw className="size-4" aria-hidden="true" />
      Try again
    </Button>
  );
}
