import { z } from "zod";

/** Events carry ids only: handlers re-read the database, so a retried or late event never acts on stale data. */
export const appEventSchemas = {
  "notification/created": z.strictObject({ notificationIds: z.array(z.uuid()).min(1).max(1000) }),
};

export type AppEventName = keyof typeof appEventSchemas;
export type AppEventData<N extends AppEventName> = z.infer<(typeof appEventSchemas)[N]>;

export interface AppEvent<N extends AppEventName = AppEventName> {
  name: N;
  data: AppEventData<N>;
  /** Deduplication key: Inngest drops a second event with the same id (24 h). */
  id?: string;
}

export interface EventHandler<N extends AppEventName = AppEventName> {
  /** Also the Inngest function id. */
  id: string;
  event: N;
  run: (data: AppEventData<N>) => Promise<unknown>;
}

/** Keeps the link between an event name and its data type when handlers are listed together. */
export const onEvent = <N extends AppEventName>(handler: EventHandler<N>): EventHandler => handler as unknown as EventHandler;
