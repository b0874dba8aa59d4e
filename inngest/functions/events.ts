import { NonRetriableError } from "inngest";
import { eventHandlers } from "@/lib/jobs/event-handlers";
import { appEventSchemas, runInline, type StepRunner } from "@/lib/jobs/events";
import { inngest } from "../client";

/**
 * One function per event handler; thin, each validates its events and calls the same domain function as embedded mode.
 * A handler that batches gets Inngest's batch of events (`events`); any other gets its one event.
 */
export const eventFunctions = eventHandlers.map((handler) =>
  inngest.createFunction(
    {
      id: handler.id,
      triggers: [{ event: handler.event }],
      ...(handler.retries === undefined ? {} : { retries: handler.retries }),
      ...(handler.batch ? { batchEvents: handler.batch } : {}),
    },
    async ({ events, step }) => {
      const data = events.flatMap((event) => {
        const parsed = appEventSchemas[handler.event].safeParse(event.data);
        if (parsed.success) return [parsed.data];
        console.error(`[jobs] ${handler.id}: malformed ${handler.event} event dropped: ${parsed.error.issues[0]?.message}`);
        return [];
      });
      // Retrying cannot fix malformed data.
      if (data.length === 0) throw new NonRetriableError(`No well-formed ${handler.event} event to handle`);
      const asStep: StepRunner = (id, part) => step.run(id, part) as Promise<Awaited<ReturnType<typeof part>>>;
      return handler.steps ? handler.run(data, asStep) : asStep(handler.id, () => handler.run(data, runInline));
    },
  ),
);
