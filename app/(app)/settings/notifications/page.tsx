import type { Metadata } from "next";
import { NotificationPreferencesForm } from "@/components/settings/notification-preferences-form";
import { PushDevices } from "@/components/settings/push-devices";
import { SettingsSection } from "@/components/settings/settings-section";
import { requireUser } from "@/lib/auth/session";
import { preferencesWithPushOf } from "@/lib/notifications/preferences";
import { vapidKeys } from "@/lib/push";
import { listDevices } from "@/lib/push/devices";
import { removeDeviceAction, sendTestPushAction, subscribeDeviceAction, updateNotificationPreferencesAction } from "../actions";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requireUser("/settings/notifications");
  const [{ choices, hasPushDevice: pushDevice }, devices] = await Promise.all([preferencesWithPushOf(user), listDevices(user)]);
  const keys = vapidKeys();
  return (
    <>
      <SettingsSection
        id="notifications"
        title="Notifications"
        description="When you are reminded of lessons, and how each kind of notice reaches you."
      >
        <NotificationPreferencesForm save={updateNotificationPreferencesAction} choices={choices} hasPushDevice={pushDevice} />
      </SettingsSection>

      <SettingsSection
        id="push-devices"
        title="Push notifications"
        description="Notices ticked under Push appear on your phone or computer, even when MusBook is closed."
      >
        {keys ? (
          <PushDevices
            actions={{ subscribe: subscribeDeviceAction, remove: removeDeviceAction, test: sendTestPushAction }}
            vapidPublicKey={keys.publicKey}
            devices={devices}
            timezone={user.timezone}
          />
        ) : (
          <p className="rounded-lg bg-surface-muted px-3 py-2.5 text-sm text-muted-foreground">
            Push notifications are not set up on this server yet: its operator sets the VAPID key pair. Reminders and notices still reach
            you in the app and by email.
          </p>
        )}
      </SettingsSection>
    </>
  );
}
