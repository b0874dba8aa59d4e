import type { Metadata } from "next";
import { ProfileForm } from "@/components/settings/profile-form";
import { SettingsSection } from "@/components/settings/settings-section";
import { requireUser } from "@/lib/auth/session";
import { listTimeZones } from "@/lib/time";
import { updateProfileAction } from "../actions";

export const metadata: Metadata = { title: "Profile settings" };

export default async function ProfileSettingsPage() {
  const user = await requireUser("/settings/profile");
  const audience = user.role === "teacher" ? "your students" : "your teachers";
  return (
    <SettingsSection id="profile" title="Profile" description={`How ${audience} see you, and the timezone every time is shown in.`}>
      <ProfileForm
        updateProfile={updateProfileAction}
        profile={{ name: user.name, phone: user.phone, timezone: user.timezone, bio: user.bio, instruments: user.instruments }}
        timeZones={listTimeZones()}
      />
    </SettingsSection>
  );
}
