/** No runtime imports here: the schema, the settings form and the server all read these. */
import type { NotificationType } from "./types";

export const REMINDER_LEADS_MINUTES = [30, 60, 1440] as const;
export type ReminderLead = (typeof REMINDER_LEADS_MINUTES)[number];

/** What a person chooses channels for. Connection and account notices are not optional: they always appear in the app. */
export const PREFERENCE_CATEGORIES = ["requests", "changes", "attendance", "assignments", "messages", "reminders"] as const;
export type PreferenceCategory = (typeof PREFERENCE_CATEGORIES)[number];

export const CHANNELS = ["inApp", "email", "push"] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ChannelChoices {
  reminderLeadMinutes: ReminderLead[];
  inAppCategories: PreferenceCategory[];
  emailCategories: PreferenceCategory[];
  pushCategories: PreferenceCategory[];
  weeklySummary: boolean;
}

export const DEFAULT_PREFERENCES = {
  reminderLeadMinutes: [60, 1440],
  inAppCategories: [...PREFERENCE_CATEGORIES],
  emailCategories: ["requests", "changes", "messages", "reminders"],
  pushCategories: ["requests", "changes", "messages", "reminders"],
  weeklySummary: true,
} as const satisfies ChannelChoices;

/** The settings form's field names: a ticked box is sent as "on". */
export const leadField = (lead: ReminderLead) => `lead${lead}`;
export const channelField = (category: PreferenceCategory, channel: Channel) => `${category}-${channel}`;

export const categoryDescriptions: Record<PreferenceCategory, { label: string; hint: string }> = {
  requests: { label: "Lesson requests and bookings", hint: "New requests, their answers and lessons booked for you" },
  changes: { label: "Reschedules & cancellations", hint: "Proposed times, moves and cancelled lessons" },
  attendance: { label: "Attendance", hint: "When a teacher records a lesson's attendance" },
  assignments: { label: "Practice assignments", hint: "Set and completed assignments" },
  messages: { label: "Messages", hint: "By email: a summary of messages unread for 15 minutes" },
  reminders: { label: "Lesson reminders", hint: "At the times chosen above" },
};

export const channelLabels: Record<Channel, string> = { inApp: "In the app", email: "Email", push: "Push" };

/** "30 min", "1 h", "24 h". */
export function leadLabel(minutes: number): string {
  return minutes < 60 ? `${minutes} min` : `${minutes / 60} h`;
}

/** "24 h and 1 h", longest first. */
export function leadsSentence(leads: readonly number[]): string {
  const labels = [...leads].sort((a, b) => b - a).map(leadLabel);
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`;
}

/** Which choice governs a notification type; null for notices that always appear in the app (connections, account). */
export const preferenceCategoryOf: Record<NotificationType, PreferenceCategory | null> = {
  "lesson.requested": "requests",
  "lesson.booked": "requests",
  "lesson.approved": "requests",
  "lesson.declined": "requests",
  "lesson.withdrawn": "requests",
  "lesson.reschedule_proposed": "changes",
  "lesson.rescheduled": "changes",
  "lesson.reschedule_declined": "changes",
  "lesson.cancelled": "changes",
  "lesson.attendance": "attendance",
  "lesson.reminder": "reminders",
  "message.received": "messages",
  "assignment.set": "assignments",
  "assignment.changed": "assignments",
  "assignment.completed": "assignments",
  "assignment.reopened": "assignments",
  "connection.invited": null,
  "connection.accepted": null,
  "connection.declined": null,
  "connection.ended": null,
  "connection.messaging_locked": null,
  "connection.booking_mode": null,
  "account.email_verified": null,
  "account.email_changed": null,
  "account.password_changed": null,
  "account.two_factor_changed": null,
  "account.signed_out_everywhere": null,
};

export type WantedChannels = Record<Channel, boolean>;

/** What one person wants for one notification type. */
export function wantedChannels(choices: ChannelChoices, type: NotificationType): WantedChannels {
  const category = preferenceCategoryOf[type];
  if (!category) return { inApp: true, email: false, push: false };
  return {
    inApp: choices.inAppCategories.includes(category),
    email: choices.emailCategories.includes(category),
    push: choices.pushCategories.includes(category),
  };
}
