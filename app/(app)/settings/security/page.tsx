import { plural } from "@/lib/utils";
import { CheckCircle2, MailWarning } from "lucide-react";
import type { Metadata } from "next";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { EmailChangeForm } from "@/components/settings/email-change-form";
import { PasswordChangeForm } from "@/components/settings/password-change-form";
import { SettingsSection } from "@/components/settings/settings-section";
import { SignOutEverywhere } from "@/components/settings/sign-out-everywhere";
import { TwoFactorForm } from "@/components/settings/two-factor-form";
import { FormAlert } from "@/components/ui/field";
import { deletionSummary, pendingEmailChange } from "@/lib/accounts/settings";
import { requireUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/time";
import {
  changePasswordAction,
  confirmTwoFactorAction,
  deleteAccountAction,
  disableTwoFactorAction,
  requestEmailChangeAction,
  signOutEverywhereAction,
  startTwoFactorAction,
} from "../actions";

export const metadata: Metadata = { title: "Account & security" };

const notices = new Map([
  ["password-changed", "Your password was changed. Every other device has been signed out; this one stays signed in."],
]);

export default async function SecuritySettingsPage({ searchParams }: PageProps<"/settings/security">) {
  const user = await requireUser("/settings/security");
  const [{ notice }, pending, summary] = await Promise.all([searchParams, pendingEmailChange(user), deletionSummary(user)]);
  const noticeText = typeof notice === "string" ? notices.get(notice) : undefined;
  const isTeacher = user.role === "teacher";

  return (
    <>
      {noticeText ? <FormAlert tone="success">{noticeText}</FormAlert> : null}

      <SettingsSection
        id="email"
        title="Email address"
        description="Where we send confirmations, lesson requests, cancellations and security notices. A new address takes effect once you confirm it."
      >
        <div className="mb-5 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl bg-surface-muted px-4 py-3 text-sm">
          <span className="font-medium break-all">{user.email}</span>
          {user.emailVerifiedAt ? (
            <span className="inline-flex items-center gap-1 text-xs font-medium text-emerald-700 dark:text-emerald-400">
              <CheckCircle2 className="size-3.5" aria-hidden="true" />
              Confirmed
            </span>
          ) : (
            <span className="text-xs font-medium text-amber-700 dark:text-amber-400">Not confirmed yet</span>
          )}
        </div>
        {pending ? (
          <p className="mb-5 flex items-start gap-2 text-sm text-muted-foreground" role="status">
            <MailWarning className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden="true" />
            <span>
              Waiting for you to confirm <strong className="break-all text-foreground">{pending.email}</strong>. The link we sent there
              works until {formatDateTime(pending.expiresAt, user.timezone)}.
            </span>
          </p>
        ) : null}
        <EmailChangeForm requestEmailChange={requestEmailChangeAction} />
      </SettingsSection>

      <SettingsSection
        id="password"
        title="Password"
        description="Changing your password signs you out on every other device. This browser stays signed in."
      >
        <PasswordChangeForm changePassword={changePasswordAction} personal={[user.name, user.email]} />
      </SettingsSection>

      <SettingsSection
        id="two-factor"
        title="Two-step sign-in"
        description="Keep your account safe even if someone learns your password: signing in on a new device also needs a 6-digit code we email you."
      >
        <TwoFactorForm
          actions={{ start: startTwoFactorAction, confirm: confirmTwoFactorAction, disable: disableTwoFactorAction }}
          enabled={user.twoFactorEnabled}
          email={user.email}
        />
      </SettingsSection>

      <SettingsSection
        id="sessions"
        title="Sign out everywhere"
        description="Lost a phone or used a shared computer? End every session of your account at once."
      >
        <SignOutEverywhere signOutEverywhere={signOutEverywhereAction} />
      </SettingsSection>

      <SettingsSection id="delete" tone="danger" title="Delete account" description="Permanently delete your account. There is no undo.">
        <div className="space-y-3 text-sm">
          <p>
            {summary.connections === 0
              ? `You have no ${isTeacher ? "students" : "teachers"} yet. `
              : `Right now your account has ${plural(summary.connections, isTeacher ? "student connection" : "teacher connection")} and ${plural(summary.lessons, "lesson")} (${summary.upcomingLessons} upcoming). `}
            Deleting it removes, for good:
          </p>
          <ul className="list-disc space-y-1.5 pl-5 text-muted-foreground">
            <li>your profile, sign-in details, notification settings, notifications and personal calendar events;</li>
            <li>
              every connection you are part of — accepted, pending or ended — and everything that hangs off it:{" "}
              <strong className="text-foreground">
                all lessons (past and upcoming), lesson requests, series and reschedule requests
                {isTeacher ? ", and your private notes" : ", and your teachers' notes about you"}
              </strong>
              .
            </li>
          </ul>
          {summary.connections > 0 ? (
            <p>
              {isTeacher
                ? "Your students lose these too: their lessons and requests with you disappear from their calendar."
                : "Your teachers lose these too: their lessons and requests with you disappear from their calendar."}{" "}
              Their accounts, their connections with other {isTeacher ? "teachers" : "students"} and notifications they have already
              received are not touched.
            </p>
          ) : null}
        </div>
        <div className="mt-6">
          <DeleteAccountForm deleteAccount={deleteAccountAction} />
        </div>
      </SettingsSection>
    </>
  );
}
