"use client";

import { TriangleAlert } from "lucide-react";
import { Button, ButtonLink } from "@/components/ui/button";

/** Whatever failed while rendering: say so plainly, offer a retry and a way home, and the reference the server logged. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col items-center justify-center px-4 py-16 text-center">
      <span
        className="grid size-12 place-items-center rounded-full bg-red-100 text-red-700 dark:bg-red-950 dark:text-red-300"
        aria-hidden="true"
      >
        <TriangleAlert className="size-6" />
      </span>
      <h1 className="mt-6 text-2xl font-bold tracking-tight sm:text-3xl">Something went wrong</h1>
      <p className="mt-3 text-sm text-muted-foreground">
        Nothing you entered is lost: it was either saved or not sent. Try again, and if it keeps happening, tell us the reference below.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-muted-foreground">Reference {error.digest}</p> : null}
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Button onClick={reset}>Try again</Button>
        <ButtonLink href="/dashboard" variant="secondary">
          Back to your dashboard
        </ButtonLink>
      </div>
    </main>
  );
}
