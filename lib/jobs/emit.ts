import type { TransactionScope } from "@/db/transaction";
import { runAfterResponse } from "@/lib/background";
import { eventHandlers } from "./event-handlers";
import { appEventSchemas, runInline, type AppEvent, type AppEventData, type AppEventName, type EventHandler } from "./events";
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

/**
 * Many events at once (a sweep's fan-out): one request to Inngest per 500 rather than one per event; embedded, each
 * handler gets them in chunks of its batch size.
 */
export async function emitAll(events: AppEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += EVENTS_PER_SEND) {
    const batch = events.slice(start, start + EVENTS_PER_SEND);
    try {
      const parsed = batch.map((event) => ({ ...event, data: appEventSchemas[event.name].parse(event.data) }));
      if (jobsMode() === "inngest") {
        await inngest.send(parsed.map(({ name, data, id }) => ({ name, data, ...(id ? { id } : {}) })));
        continue;
      }
      for (const handler of eventHandlers) {
        const data = parsed.filter((event) => event.name === handler.event).map((event) => event.data);
        if (data.length > 0) runAfterResponse(handler.id, () => runInChunks(handler, data));
      }
    } catch (error) {
      const names = [...new Set(batch.map((event) => event.name))].join(", ");
      console.error(`[jobs] ${batch.length} event(s) ${names} not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * Embedded: a handler's events one chunk (its batch size) after another, so thousands of reminders are not all in
 * memory at once; a chunk that fails is logged and the next still runs.
 */
async function runInChunks(handler: EventHandler, data: AppEventData<AppEventName>[]): Promise<void> {
  const size = handler.batch?.maxSize ?? 1;
  for (let first = 0; first < data.length; first += size) {
    const chunk = data.slice(first, first + size);
    await handler.run(chunk, runInline).catch((error: unknown) => {
      console.error(`[jobs] ${handler.id} failed for ${chunk.length} event(s): ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
