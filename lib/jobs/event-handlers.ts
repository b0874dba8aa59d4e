import { deliverNotificationEmails, deliverNotificationPushes } from "@/lib/notifications/delivery";
import { deliverReminder } from "@/lib/reminders/deliver";
import { onEvent, type EventHandler } from "./events";

/** Every event handler, in one place: Inngest functions (hosted) and in-process dispatch (embedded) are both built from it. */
export const eventHandlers: EventHandler[] = [
  onEvent({
    id: "deliver-notification-push",
    event: "notification/created",
    run: (data) => deliverNotificationPushes(data.notificationIds),
  }),
  onEvent({
    id: "deliver-notification-email",
    event: "notification/created",
    run: (data) => deliverNotificationEmails(data.notificationIds),
  }),
  // Each channel a step; a few retries a few minutes apart, within the sweep's hour of re-sending stalled deliveries.
  onEvent({
    id: "deliver-reminder",
    event: "reminder/due",
    steps: true,
    retries: 4,
    run: (data, step) => deliverReminder(data.deliveryId, step),
  }),
];
