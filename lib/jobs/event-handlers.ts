import { deliverNotificationEmails, deliverNotificationPushes } from "@/lib/notifications/delivery";
import { deliverReminders } from "@/lib/reminders/deliver";
import { onEvent, type EventHandler } from "./events";

/** Every event handler, in one place: Inngest functions (hosted) and in-process dispatch (embedded) are both built from it. */
export const eventHandlers: EventHandler[] = [
  onEvent({
    id: "deliver-notification-push",
    event: "notification/created",
    run: (events) => deliverNotificationPushes(events.flatMap((data) => data.notificationIds)),
  }),
  onEvent({
    id: "deliver-notification-email",
    event: "notification/created",
    run: (events) => deliverNotificationEmails(events.flatMap((data) => data.notificationIds)),
  }),
  // Reminders due together are delivered together, each channel a step for the whole batch; a few retries a few
  // minutes apart, within the sweep's hour of re-sending stalled deliveries.
  onEvent({
    id: "deliver-reminder",
    event: "reminder/due",
    steps: true,
    retries: 4,
    batch: { maxSize: 100, timeout: "5s" },
    run: (events, step) =>
      deliverReminders(
        events.map((data) => data.deliveryId),
        step,
      ),
  }),
];
