import { z } from "zod";

/** Events carry ids only: handlers re-read the database, so a retried or late event never acts on stale data. */
export const appEventSchemas = {
  "notification/created": z.strictObject({ notificationIds: z.array(z.uuid()).min(1).max(1000) }),
  "reminder/due": z.strictObject({ deliveryId: z.uuid() }),
};

export type AppEventName = keyof typeof appEventSchemas;
export type AppEventData<N extends AppEventName> = z.infer<(typeof appEventSchemas)[N]>;

export interface AppEvent<N extends AppEventName = AppEventName> {
  name: N;
  data: AppEventData<N>;
  /** Deduplication key: Inngest drops a second event with the same id (24 h). */
  id?: string;
}

/** Runs one named part of a job: Inngest's `step.run` (a part that succeeded is not run again on retry), or inline. */
export type StepRunner = <T>(id: string, part: () => Promise<T>) => Promise<T>;

export const runInline: StepRunner = (_id, part) => part();

export interface EventHandler<N extends AppEventName = AppEventName> {
  /** Also the Inngest function id. */
  id: string;
  event: N;
  /**
   * Gets the data of one event, or of up to `batch.maxSize` events when the handler batches. A handler that takes
   * `step` runs its own parts as steps; one that does not is run as a single step.
   */
  run: (events: AppEventData<N>[], step: StepRunner) => Promise<unknown>;
  steps?: boolean;
  /**
   * Events handled together: Inngest's `batchEvents` (hosted; the batch closes at `maxSize` events or after `timeout`),
   * or, embedded, the events of one `emitAll` in chunks of `maxSize`. Each event keeps its own id, so deduplication is
   * per event.
   */
  batch?: { maxSize: number; timeout: `${number}s` };
  /** Inngest retries after the first attempt (its default is 4). */
  retries?: 0 | 1 | 2 | 3 | 4 | 5;
}

/** Keeps the link between an event name and its data type when handlers are listed together. */
export const onEvent = <N extends AppEventName>(handler: EventHandler<N>): EventHandler => handler as unknown as EventHandler;
