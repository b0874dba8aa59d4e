import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { reminderDeliveries } from "@/db/schema";
import { CHANNELS, leadsSentence, wantedChannels, type Channel, type ReminderLead } from "@/lib/notifications/preference-categories";
import { preferencesWithPushOf } from "@/lib/notifications/preferences";
import { MINUTE } from "@/lib/time";

export interface ReminderSettings {
  leads: ReminderLead[];
  /** Only the channels that reach the person today: push counts once a device has subscribed. */
  channels: Channel[];
}

export async function reminderSettingsOf(viewer: { id: string }): Promise<ReminderSettings> {
  const { choices, hasPushDevice: pushDevice } = await preferencesWithPushOf(viewer);
  const wanted = wantedChannels(choices, "lesson.reminder");
  const channels = CHANNELS.filter((channel) => wanted[channel] && (channel !== "push" || pushDevice));
  return { leads: channels.length > 0 ? [...choices.reminderLeadMinutes].sort((a, b) => b - a) : [], channels };
}

const channelWords: Record<Channel, string> = { inApp: "in the app", email: "by email", push: "on your phone" };

/** "Reminders: 24 h and 1 h before each lesson, in the app and by email", or that they are off. */
export function reminderSentence({ leads, channels }: ReminderSettings): string {
  if (leads.length === 0) return "Lesson reminders are off.";
  const words = channels.map((channel) => channelWords[channel]);
  const how = words.length === 1 ? words[0] : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
  return `Reminders: ${leadsSentence(leads)} before each lesson, ${how}.`;
}

export interface LessonReminder {
  lead: ReminderLead;
  at: Date;
  state: "sent" | "planned" | "not-sent";
}

/** The viewer's reminders for one upcoming lesson: when each falls, and whether it went. */
export async function lessonRemindersFor(
  viewer: { id: string },
  lesson: { id: string; startsAt: Date },
  settings: ReminderSettings,
  now = new Date(),
): Promise<LessonReminder[]> {
  if (settings.leads.length === 0) return [];
  const delivered = await db
    .select({ lead: reminderDeliveries.leadMinutes, outcome: reminderDeliveries.outcome })
    .from(reminderDeliveries)
    .where(
      and(
        eq(reminderDeliveries.lessonId, lesson.id),
        eq(reminderDeliveries.userId, viewer.id),
        eq(reminderDeliveries.lessonStartsAt, lesson.startsAt),
      ),
    );
  return settings.leads.map((lead) => {
    const at = new Date(lesson.startsAt.getTime() - lead * MINUTE);
    const sent = delivered.some((row) => row.lead === lead && row.outcome === "sent");
    return { lead, at, state: sent ? "sent" : at > now ? "planned" : "not-sent" };
  });
}
