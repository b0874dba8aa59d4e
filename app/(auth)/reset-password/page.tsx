import { LinkIcon } from "lucide-react";
import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { ButtonLink } from "@/components/ui/button";
import { findPasswordResetHolder } from "@/lib/accounts/password-reset";
import { resetPasswordAction } from "./actions";

// The token is in the URL: no referrer may carry it to another site.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: PageProps<"/reset-password">) {
  const { token } = await searchParams;
  // Only looks the link up; it is used by the form's POST, so mail scanners that open links cannot spend it.
  const holder = await findPasswordResetHolder(token);

  if (!holder || typeof token !== "string") {
    return (
      <div className="space-y-4 text-center">
        <span className="mx-auto grid size-14 place-items-center rounded-full bg-surface-muted text-muted-foreground">
          <LinkIcon className="size-7" aria-hidden="true" />
        </span>
        <h1 className="text-2xl font-bold tracking-tight">This link has expired or already been used</h1>
        <p className="text-sm text-muted-foreground">
          Reset links work once, for 30 minutes, and only the newest one does. Ask for a new link and use it straight away.
        </p>
        <ButtonLink href="/forgot-password" size="lg" className="w-full">
          Request a new link
        </ButtonLink>
      </div>
    );
  }

  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Choose a new password</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        For <strong className="font-medium text-foreground">{holder.email}</strong>. You&rsquo;ll be signed out everywhere and can then sign
        in with the new password.
      </p>
      <div className="mt-8">
        <ResetPasswordForm resetPassword={resetPasswordAction} token={token} name={holder.name} email={holder.email} />
      </div>
    </>
  );
}
