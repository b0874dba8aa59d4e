"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { formValues, type FormState } from "@/lib/actions";
import { changePassword, deleteAccount, requestEmailChange, signOutEverywhere, updateProfile } from "@/lib/accounts/settings";
import { getCurrentUser } from "@/lib/auth/session";
import { actAsCurrentUser } from "@/lib/server-action";
import { issueSignInTicket } from "@/lib/auth/two-factor";

const SESSION_ENDED: FormState = { ok: false, error: "Your session has ended. Sign in again." };

export async function updateProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // The whole shell shows the name, and every page shows times in the profile's zone.
  return actAsCurrentUser(updateProfile, formData, ["/"]);
}

export async function requestEmailChangeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser(requestEmailChange, formData, ["/settings/security"]);
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return SESSION_ENDED;
  const result = await changePassword(user, formValues(formData));
  if (!result.ok) return result;
  // The change ended every session, this one too. The current password was just proved, so this browser
  // gets a new session straight away (also with two-step sign-in on).
  try {
    await signIn("two-factor", { ticket: await issueSignInTicket(user.id), redirectTo: "/settings/security?notice=password-changed" });
  } catch (error) {
    if (error instanceof AuthError) redirect("/sign-in?notice=password-changed");
    throw error; // the redirect that signIn ends with
  }
  return result;
}

export async function signOutEverywhereAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return SESSION_ENDED;
  const result = await signOutEverywhere(user, formValues(formData));
  if (!result.ok) return result;
  await signOut({ redirectTo: "/sign-in?notice=signed-out-everywhere" });
  return result;
}

export async function deleteAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return SESSION_ENDED;
  const result = await deleteAccount(user, formValues(formData));
  if (!result.ok) return result;
  await signOut({ redirectTo: "/?notice=account-deleted" });
  return result;
}
