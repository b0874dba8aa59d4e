"use server";

import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { changePassword, deleteAccount, requestEmailChange, signOutEverywhere, updateProfile } from "@/lib/accounts/settings";
import { confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment } from "@/lib/accounts/two-factor";
import { openSession } from "@/lib/auth/open-session";
import { issueSignInTicket } from "@/lib/auth/two-factor";
import { updateNotificationPreferences } from "@/lib/notifications/preferences";
import { removeDevice, sendTestPush, subscribeDevice } from "@/lib/push/devices";
import { userAction } from "@/lib/server-action";

// The whole shell shows the name, and every page shows times in the profile's zone.
export const updateProfileAction = userAction(updateProfile, { revalidate: ["/"] });

export const requestEmailChangeAction = userAction(requestEmailChange, { revalidate: ["/settings/security"] });

// The change ended every session, this one too. The current password was just proved, so this browser gets
// a new session straight away (also with two-step sign-in on).
export const changePasswordAction = userAction(changePassword, {
  onSuccess: async (_result, user) => {
    await openSession(await issueSignInTicket(user.id), "/settings/security?notice=password-changed");
    redirect("/sign-in?notice=password-changed");
  },
});

export const signOutEverywhereAction = userAction(signOutEverywhere, {
  onSuccess: async () => {
    await signOut({ redirectTo: "/sign-in?notice=signed-out-everywhere" });
  },
});

export const deleteAccountAction = userAction(deleteAccount, {
  onSuccess: async () => {
    await signOut({ redirectTo: "/?notice=account-deleted" });
  },
});

export const startTwoFactorAction = userAction((user) => startTwoFactorEnrolment(user));

export const confirmTwoFactorAction = userAction(confirmTwoFactorEnrolment, { revalidate: ["/settings"] });

export const disableTwoFactorAction = userAction(disableTwoFactor, { revalidate: ["/settings"] });

// The dashboard and lesson pages say which reminders are set, and by push only once a device takes it.
const REMINDER_PAGES = ["/settings/notifications", "/dashboard", "/lessons"];

export const updateNotificationPreferencesAction = userAction(updateNotificationPreferences, { revalidate: REMINDER_PAGES });

export const subscribeDeviceAction = userAction(subscribeDevice, { revalidate: REMINDER_PAGES });

export const removeDeviceAction = userAction(removeDevice, { revalidate: REMINDER_PAGES });

// The test drops devices that are gone and dates the ones it reached.
export const sendTestPushAction = userAction((user) => sendTestPush(user), { revalidate: ["/settings/notifications"] });
