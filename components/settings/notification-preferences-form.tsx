"use client";

import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import type { AnyServerAction } from "@/lib/actions";
import {
  categoryDescriptions,
  channelField,
  channelLabels,
  CHANNELS,
  leadField,
  leadLabel,
  PREFERENCE_CATEGORIES,
  REMINDER_LEADS_MINUTES,
  type ChannelChoices,
} from "@/lib/notifications/preference-categories";

const CHANNEL_CHOICES = { inApp: "inAppCategories", email: "emailCategories", push: "pushCategories" } as const;

const legendClasses = "text-sm font-semibold tracking-tight";
const boxClasses = "size-4 shrink-0 accent-[var(--accent)]";

/** Plain checkboxes in one form: it saves before JavaScript loads, and an unticked box is simply not sent. */
export function NotificationPreferencesForm({
  save,
  choices,
  hasPushDevice,
}: {
  save: AnyServerAction;
  choices: ChannelChoices;
  hasPushDevice: boolean;
}) {
  const { formAction, onSubmit, pending, error, message, fieldErrors } = useAction(save);

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-8">
      {error ? <FormAlert>{fieldErrors.form ?? error}</FormAlert> : null}
      {message ? <FormAlert tone="success">{message}</FormAlert> : null}

      <fieldset className="space-y-3">
        <legend className={legendClasses}>Remind me before each lesson</legend>
        <p className="text-sm text-muted-foreground">Any combination; none means no reminders.</p>
        <div className="flex flex-wrap gap-2">
          {REMINDER_LEADS_MINUTES.map((lead) => (
            <label
              key={lead}
              className="flex cursor-pointer items-center gap-2 rounded-lg border bg-surface px-3.5 py-2.5 text-sm font-medium shadow-sm transition hover:bg-surface-muted has-[:checked]:border-accent has-[:checked]:bg-accent-soft has-[:checked]:text-accent-soft-foreground"
            >
              <input
                type="checkbox"
                name={leadField(lead)}
                defaultChecked={choices.reminderLeadMinutes.includes(lead)}
                className={boxClasses}
              />
              {leadLabel(lead)} before
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className={legendClasses}>How each kind of notice reaches you</legend>
        <div className="overflow-hidden rounded-xl border">
          <table className="w-full text-sm">
            <thead className="bg-surface-muted text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="px-3 py-2.5 text-left font-medium sm:px-4">
                  Notice
                </th>
                {CHANNELS.map((channel) => (
                  <th key={channel} scope="col" className="w-16 px-1 py-2.5 text-center font-medium sm:w-24">
                    {channelLabels[channel]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y">
              {PREFERENCE_CATEGORIES.map((category) => {
                const { label, hint } = categoryDescriptions[category];
                return (
                  <tr key={category}>
                    <th scope="row" className="px-3 py-3 text-left font-normal sm:px-4">
                      <span id={`${category}-label`} className="block font-medium">
                        {label}
                      </span>
                      <span className="block text-xs text-muted-foreground">{hint}</span>
                    </th>
                    {CHANNELS.map((channel) => (
                      <td key={channel} className="px-1 py-3 text-center">
                        <input
                          type="checkbox"
                          name={channelField(category, channel)}
                          defaultChecked={choices[CHANNEL_CHOICES[channel]].includes(category)}
                          aria-label={`${label}: ${channelLabels[channel]}`}
                          className={boxClasses}
                        />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="text-xs text-muted-foreground">
          Invitations, connection changes and notices about your account always appear in the app.
        </p>
        {hasPushDevice ? null : (
          <p className="rounded-lg bg-surface-muted px-3 py-2.5 text-xs text-muted-foreground">
            No device gets push notifications yet: turn them on under{" "}
            <a href="#push-devices-title" className="font-medium text-foreground underline underline-offset-2">
              Push notifications
            </a>{" "}
            on each phone or computer. Your choices in that column are kept until then.
          </p>
        )}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className={legendClasses}>Weekly summary</legend>
        <label className="flex cursor-pointer items-start gap-3 text-sm">
          <input type="checkbox" name="weeklySummary" defaultChecked={choices.weeklySummary} className={`${boxClasses} mt-0.5`} />
          <span>
            <span className="block font-medium">Email me a summary on Sunday evenings</span>
            <span className="block text-muted-foreground">
              At 18:00 in your timezone: the coming week&rsquo;s lessons, unread conversations and, for teachers, last week&rsquo;s
              attendance.
            </span>
          </span>
        </label>
      </fieldset>

      <div className="flex justify-end border-t pt-5">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save choices"}
        </Button>
      </div>
    </form>
  );
}
