import { eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db";
import { isForeignKeyViolation } from "@/db/errors";
import { notificationPreferences, pushSubscriptions, users } from "@/db/schema";
import { failure, invalid, type ActionResult } from "@/lib/actions";
import {
  CHANNELS,
  channelField,
  DEFAULT_PREFERENCES,
  leadField,
  PREFERENCE_CATEGORIES,
  REMINDER_LEADS_MINUTES,
  type Channel,
  type ChannelChoices,
  type PreferenceCategory,
  type ReminderLead,
} from "./preference-categories";

const checkbox = z.literal("on", { error: "A checkbox is either ticked or left out." }).optional();

/** The settings form: a ticked checkbox is sent as "on", an unticked one not at all. Unknown fields are refused. */
export const preferencesFormSchema = z.strictObject(
  Object.fromEntries([
    ...REMINDER_LEADS_MINUTES.map((lead) => [leadField(lead), checkbox]),
    ...PREFERENCE_CATEGORIES.flatMap((category) => CHANNELS.map((channel) => [channelField(category, channel), checkbox])),
    ["weeklySummary", checkbox],
  ]) as Record<string, typeof checkbox>,
);

export function choicesFromForm(form: Record<string, "on" | undefined>): ChannelChoices {
  const ticked = (channel: Channel) => PREFERENCE_CATEGORIES.filter((category) => form[channelField(category, channel)] === "on");
  return {
    reminderLeadMinutes: REMINDER_LEADS_MINUTES.filter((lead) => form[leadField(lead)] === "on"),
    inAppCategories: ticked("inApp"),
    emailCategories: ticked("email"),
    pushCategories: ticked("push"),
    weeklySummary: form.weeklySummary === "on",
  };
}

const defaults = (): ChannelChoices => ({
  reminderLeadMinutes: [...DEFAULT_PREFERENCES.reminderLeadMinutes],
  inAppCategories: [...DEFAULT_PREFERENCES.inAppCategories],
  emailCategories: [...DEFAULT_PREFERENCES.emailCategories],
  pushCategories: [...DEFAULT_PREFERENCES.pushCategories],
  weeklySummary: DEFAULT_PREFERENCES.weeklySummary,
});

/** Each person's choices; an account without a stored row (made before sign-up created one) has the defaults. */
export async function preferencesOf(userIds: readonly string[], executor: Executor = db): Promise<Map<string, ChannelChoices>> {
  const ids = [...new Set(userIds)];
  const rows =
    ids.length === 0
      ? []
      : await executor
          .select({
            userId: notificationPreferences.userId,
            reminderLeadMinutes: notificationPreferences.reminderLeadMinutes,
            inAppCategories: notificationPreferences.inAppCategories,
            emailCategories: notificationPreferences.emailCategories,
            pushCategories: notificationPreferences.pushCategories,
            weeklySummary: notificationPreferences.weeklySummary,
          })
          .from(notificationPreferences)
          .where(inArray(notificationPreferences.userId, ids));
  const stored = new Map(
    rows.map(({ userId, ...choices }) => [userId, { ...choices, reminderLeadMinutes: choices.reminderLeadMinutes as ReminderLead[] }]),
  );
  return new Map(ids.map((id) => [id, stored.get(id) ?? defaults()]));
}

/** For a query that left-joins the preferences: whether a category is on in a channel's column, with the default where no row is stored. */
export function channelIncludes(column: AnyColumn, fallback: readonly PreferenceCategory[], category: PreferenceCategory): SQL {
  return fallback.includes(category) ? sql`(${column} is null or ${category} = any(${column}))` : sql`${category} = any(${column})`;
}

export const wantsEmail = (column: AnyColumn, category: PreferenceCategory) =>
  channelIncludes(column, DEFAULT_PREFERENCES.emailCategories, category);

export async function getNotificationPreferences(viewer: { id: string }, executor: Executor = db): Promise<ChannelChoices> {
  return (await preferencesOf([viewer.id], executor)).get(viewer.id)!;
}

export async function updateNotificationPreferences(actor: { id: string }, raw: unknown): Promise<ActionResult> {
  const parsed = preferencesFormSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, "These choices could not be saved. Reload the page and try again.");
  const choices = choicesFromForm(parsed.data);
  const [saved] = await db
    .insert(notificationPreferences)
    .values({ userId: actor.id, ...choices })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { ...choices, updatedAt: new Date() } })
    .returning({ userId: notificationPreferences.userId })
    .catch((error: unknown) => {
      // The account was deleted while the form was open: its foreign key refuses the row.
      if (isForeignKeyViolation(error)) return [];
      throw error;
    });
  if (!saved) return failure("session-ended", "Your account could not be found. Sign in again.");
  return { ok: true, message: "Your notification choices are saved." };
}

/** The viewer's choices and whether any of their devices takes push, in one statement (the dashboard asks for both). */
export async function preferencesWithPushOf(viewer: { id: string }): Promise<{ choices: ChannelChoices; hasPushDevice: boolean }> {
  const [row] = await db
    .select({
      reminderLeadMinutes: notificationPreferences.reminderLeadMinutes,
      inAppCategories: notificationPreferences.inAppCategories,
      emailCategories: notificationPreferences.emailCategories,
      pushCategories: notificationPreferences.pushCategories,
      weeklySummary: notificationPreferences.weeklySummary,
      hasPushDevice: sql<boolean>`exists (${db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, users.id))})`,
    })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(eq(users.id, viewer.id));
  if (!row || row.reminderLeadMinutes === null) return { choices: defaults(), hasPushDevice: Boolean(row?.hasPushDevice) };
  const { hasPushDevice, reminderLeadMinutes, ...choices } = row;
  return {
    choices: { ...(choices as Omit<ChannelChoices, "reminderLeadMinutes">), reminderLeadMinutes: reminderLeadMinutes as ReminderLead[] },
    hasPushDevice,
  };
}
