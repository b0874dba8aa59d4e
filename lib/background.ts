import { after } from "next/server";

const pending = new Set<Promise<void>>();

/**
 * Runs work after the response has been sent (Next's `after`), or right away in the background outside
 * a request (scripts, tests). Used for emails, so a response never waits on, or reveals, a send.
 * Failures are logged, never thrown at the caller.
 */
export function runAfterResponse(label: string, task: () => Promise<void>): void {
  const guarded = () =>
    task().catch((error: unknown) => {
      console.error(`[background] ${label} failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  try {
    after(guarded);
  } catch {
    const promise = guarded().finally(() => pending.delete(promise));
    pending.add(promise);
  }
}

/** Waits for background work started outside a request (for tests and scripts). */
export async function settleBackgroundWork(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}
