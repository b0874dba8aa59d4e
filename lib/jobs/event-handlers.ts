import { deliverNotificationPushes } from "@/lib/notifications/push";
import { onEvent, type EventHandler } from "./events";

/** Every event handler, in one place: Inngest functions (hosted) and in-process dispatch (embedded) are both built from it. */
export const eventHandlers: EventHandler[] = [
  onEvent({
    id: "deliver-notification-push",
    event: "notification/created",
    run: (data) => deliverNotificationPushes(data.notificationIds),
  }),
];
