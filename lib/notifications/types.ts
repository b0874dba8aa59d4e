/** No server imports here: the bell imports this. */

export const notificationCategories = {
  lessons: [
    "lesson.requested",
    "lesson.booked",
    "lesson.approved",
    "lesson.declined",
    "lesson.withdrawn",
    "lesson.reschedule_proposed",
    "lesson.rescheduled",
    "lesson.reschedule_declined",
    "lesson.cancelled",
    "lesson.attendance",
    "lesson.reminder",
  ],
  messages: ["message.received"],
  assignments: ["assignment.set", "assignment.changed", "assignment.completed", "assignment.reopened"],
  connections: [
    "connection.invited",
    "connection.accepted",
    "connection.declined",
    "connection.ended",
    "connection.messaging_locked",
    "connection.booking_mode",
  ],
  account: [
    "account.email_verified",
    "account.email_changed",
    "account.password_changed",
    "account.two_factor_changed",
    "account.signed_out_everywhere",
  ],
} as const;

export type NotificationCategory = keyof typeof notificationCategories;
export type NotificationType = (typeof notificationCategories)[NotificationCategory][number];

export const NOTIFICATION_CATEGORY_NAMES = Object.keys(notificationCategories) as NotificationCategory[];
export const NOTIFICATION_TYPES = Object.values(notificationCategories).flat() as NotificationType[];

/** Lesson reminders are among the lessons. */
export const FILTERABLE_CATEGORIES: NotificationCategory[] = ["lessons", "messages", "assignments", "connections", "account"];

export const categoryLabels: Record<NotificationCategory, string> = {
  lessons: "Lessons",
  messages: "Messages",
  assignments: "Assignments",
  connections: "Students & teachers",
  account: "Account",
};

export function categoryOf(type: string): NotificationCategory | undefined {
  return NOTIFICATION_CATEGORY_NAMES.find((category) => (notificationCategories[category] as readonly string[]).includes(type));
}

export interface NotificationView {
  id: string;
  type: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export const USER_CHANNEL_EVENTS = {
  notificationCreated: "notification.created",
  notificationsRead: "notifications.read",
} as const;

export interface NotificationCreatedEvent {
  notification: NotificationView;
  unreadCount: number;
}

export interface NotificationsReadEvent {
  ids: string[];
  unreadCount: number;
}

export const userChannel = (userId: string) => `private-user-${userId}`;
