import { MailCheck } from "lucide-react";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { TwoFactorForm } from "@/components/auth/two-factor-form";
import { callbackPath } from "@/lib/auth/schemas";
import { PENDING_SIGN_IN_COOKIE, pendingSignIn, readPendingSignIn } from "@/lib/auth/two-factor";
import { cancelSignInAction, resendSignInCodeAction, verifySignInCodeAction } from "./actions";

export const metadata: Metadata = { title: "Enter your sign-in code", referrer: "no-referrer" };

/** j•••@example.com: enough to recognise the inbox, not a full address on a shared screen. */
function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}${"•".repeat(Math.min(Math.max(local.length - 1, 1), 6))}@${domain}`;
}

export default async function VerifySignInPage({ searchParams }: PageProps<"/sign-in/verify">) {
  const { callbackUrl } = await searchParams;
  const returnTo = callbackPath.parse(typeof callbackUrl === "string" ? callbackUrl : undefined);
  const challengeId = readPendingSignIn((await cookies()).get(PENDING_SIGN_IN_COOKIE)?.value);
  const pending = challengeId ? await pendingSignIn(challengeId) : undefined;
  if (!pending) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");

  return (
    <>
      <span className="grid size-12 place-items-center rounded-2xl bg-accent-soft text-accent-soft-foreground">
        <MailCheck className="size-6" aria-hidden="true" />
      </span>
      <h1 className="mt-6 text-2xl font-bold tracking-tight">Check your email</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        We sent a 6-digit code to <span className="font-medium text-foreground">{maskEmail(pending.user.email)}</span>. It expires in 10
        minutes.
      </p>
      <div className="mt-8">
        <TwoFactorForm
          actions={{ verify: verifySignInCodeAction, resend: resendSignInCodeAction, cancel: cancelSignInAction }}
          callbackUrl={returnTo}
        />
      </div>
    </>
  );
}
