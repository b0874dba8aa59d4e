import type { TransactionScope } from "@/db/transaction";
import { runAfterResponse } from "@/lib/background";
import { eventHandlers } from "./event-handlers";
import { appEventSchemas, type AppEvent } from "./events";
import { jobsMode } from "./index";
import { inngest } from "./inngest";

/**
 * Sends a background event: to Inngest in hosted mode, or to the in-process handlers, which run after
 * the response (embedded). Inside a transaction it waits for the commit. Never throws: an event that
 * cannot be sent is logged, and the write that caused it stands.
 */
export async function emit(event: AppEvent, scope?: TransactionScope): Promise<void> {
  if (scope) {
    scope.afterCommit(() => dispatch(event));
    return;
  }
  await dispatch(event);
}

async function dispatch(event: AppEvent): Promise<void> {
  try {
    const data = appEventSchemas[event.name].parse(event.data);
    if (jobsMode() === "inngest") {
      await inngest.send({ name: event.name, data, ...(event.id ? { id: event.id } : {}) });
      return;
    }
    for (const handler of eventHandlers) {
      if (handler.event === event.name) runAfterResponse(handler.id, async () => void (await handler.run(data)));
    }
  } catch (error) {
    console.error(`[jobs] event ${event.name} not sent: ${error instanceof Error ? error.message : String(error)}`);
  }
}
