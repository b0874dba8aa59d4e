import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { userRoles, type UserRole } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/session";
import { listTimeZones } from "@/lib/time";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create your account", referrer: "no-referrer" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  if (await getCurrentUser()) redirect("/dashboard");
  const { role, invite } = await searchParams;
  const initialRole = userRoles.includes(role as UserRole) ? (role as UserRole) : undefined;
  // Invited students go on from sign-in to the invitation itself.
  const signInHref =
    typeof invite === "string" && /^[A-Za-z0-9_-]{43}$/.test(invite)
      ? `/sign-in?callbackUrl=${encodeURIComponent(`/teachers?invite=${invite}`)}`
      : undefined;

  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Create your MusBook account</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        {signInHref
          ? "Your teacher invited you. Sign up with the email address the invitation was sent to."
          : "Free while in early access. It takes about a minute."}
      </p>
      <div className="mt-8">
        <SignUpForm signUp={signUpAction} initialRole={initialRole} timeZones={listTimeZones()} signInHref={signInHref} />
      </div>
    </>
  );
}
