import { NonRetriableError } from "inngest";
import { eventHandlers } from "@/lib/jobs/event-handlers";
import { appEventSchemas, runInline, type StepRunner } from "@/lib/jobs/events";
import { inngest } from "../client";

/** One function per event handler; thin, each validates the event and calls the same domain function as embedded mode. */
export const eventFunctions = eventHandlers.map((handler) =>
  inngest.createFunction(
    { id: handler.id, triggers: [{ event: handler.event }], ...(handler.retries === undefined ? {} : { retries: handler.retries }) },
    async ({ event, step }) => {
      const parsed = appEventSchemas[handler.event].safeParse(event.data);
      // Retrying cannot fix malformed data.
      if (!parsed.success) throw new NonRetriableError(`Malformed ${handler.event} event: ${parsed.error.issues[0]?.message}`);
      const asStep: StepRunner = (id, part) => step.run(id, part) as Promise<Awaited<ReturnType<typeof part>>>;
      return handler.steps ? handler.run(parsed.data, asStep) : asStep(handler.id, () => handler.run(parsed.data, runInline));
    },
  ),
);
