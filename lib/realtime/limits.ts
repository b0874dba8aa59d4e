/** Pusher's limit on one event's data, shared by the publisher and the embedded server without importing `ws`. */
export const MAX_EVENT_DATA_BYTES = 10 * 1024;
