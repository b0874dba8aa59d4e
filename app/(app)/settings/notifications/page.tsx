import type { Metadata } from "next";
import { NotificationPreferencesForm } from "@/components/settings/notification-preferences-form";
import { SettingsSection } from "@/components/settings/settings-section";
import { requireUser } from "@/lib/auth/session";
import { preferencesWithPushOf } from "@/lib/notifications/preferences";
import { updateNotificationPreferencesAction } from "../actions";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const user = await requireUser("/settings/notifications");
  const { choices, hasPushDevice: pushDevice } = await preferencesWithPushOf(user);
  return (
    <SettingsSection
      id="notifications"
      title="Notifications"
      description="When you are reminded of lessons, and how each kind of notice reaches you."
    >
      <NotificationPreferencesForm save={updateNotificationPreferencesAction} choices={choices} hasPushDevice={pushDevice} />
    </SettingsSection>
  );
}
