import type { TransactionScope } from "@/db/transaction";
import { runAfterResponse } from "@/lib/background";
import { eventHandlers } from "./event-handlers";
import { appEventSchemas, runInline, type AppEvent } from "./events";
import { jobsMode } from "./index";
import { inngest } from "./inngest";

/** Inngest takes up to 5,000 events or 3 MB a request; ours carry ids only. */
const EVENTS_PER_SEND = 500;

/**
 * Sends a background event: to Inngest in hosted mode, or to the in-process handlers, which run after
 * the response (embedded). Inside a transaction it waits for the commit. Never throws: an event that
 * cannot be sent is logged, and the write that caused it stands.
 */
export async function emit(event: AppEvent, scope?: TransactionScope): Promise<void> {
  if (scope) {
    scope.afterCommit(() => emitAll([event]));
    return;
  }
  await emitAll([event]);
}

/** Many events at once (a sweep's fan-out): one request to Inngest per batch rather than one per event. */
export async function emitAll(events: AppEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += EVENTS_PER_SEND) {
    const batch = events.slice(start, start + EVENTS_PER_SEND);
    try {
      const parsed = batch.map((event) => ({ ...event, data: appEventSchemas[event.name].parse(event.data) }));
      if (jobsMode() === "inngest") {
        await inngest.send(parsed.map(({ name, data, id }) => ({ name, data, ...(id ? { id } : {}) })));
        continue;
      }
      for (const event of parsed) {
        for (const handler of eventHandlers) {
          if (handler.event === event.name) runAfterResponse(handler.id, async () => void (await handler.run(event.data, runInline)));
        }
      }
    } catch (error) {
      const names = [...new Set(batch.map((event) => event.name))].join(", ");
      console.error(`[jobs] ${batch.length} event(s) ${names} not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
