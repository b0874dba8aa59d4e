import { after } from "next/server";

const pending = new Set<Promise<void>>();

/** For emails, so a response never waits on, or reveals, a send. Failures are logged, never thrown. */
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

export async function settleBackgroundWork(): Promise<void> {
  while (pending.size > 0) await Promise.all(pending);
}
