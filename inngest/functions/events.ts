import { NonRetriableError } from "inngest";
import { eventHandlers } from "@/lib/jobs/event-handlers";
import { appEventSchemas } from "@/lib/jobs/events";
import { inngest } from "../client";

/** One function per event handler; thin, each validates the event and calls the same domain function as embedded mode. */
export const eventFunctions = eventHandlers.map((handler) =>
  inngest.createFunction({ id: handler.id, triggers: [{ event: handler.event }] }, async ({ event, step }) => {
    const parsed = appEventSchemas[handler.event].safeParse(event.data);
    // Retrying cannot fix malformed data.
    if (!parsed.success) throw new NonRetriableError(`Malformed ${handler.event} event: ${parsed.error.issues[0]?.message}`);
    return step.run(handler.id, () => handler.run(parsed.data));
  }),
);
