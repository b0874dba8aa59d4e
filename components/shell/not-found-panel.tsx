import { Compass } from "lucide-react";
import type { ReactNode } from "react";

/** The body of every "not found" page: what happened, and links out, never a dead end. */
export function NotFoundPanel({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center py-16 text-center">
      <span className="grid size-12 place-items-center rounded-full bg-accent-soft text-accent-soft-foreground" aria-hidden="true">
        <Compass className="size-6" />
      </span>
      <p className="mt-6 text-sm font-semibold uppercase tracking-wide text-muted-foreground">Error 404</p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight sm:text-3xl">Page not found</h1>
      <p className="mt-3 text-sm text-muted-foreground">
        The address may be mistyped, or what it showed was removed or is not shared with you.
      </p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">{children}</div>
    </div>
  );
}
