import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormAlert } from "@/components/ui/field";
import { callbackPath } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

/** Why someone was just sent here, from a redirect after an account change. */
const notices = new Map([
  ["signed-out-everywhere", "You have been signed out on every device. Sign in again to continue."],
  ["password-changed", "Your password was changed. Sign in with your new password."],
]);

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { callbackUrl, notice } = await searchParams;
  const noticeText = typeof notice === "string" ? notices.get(notice) : undefined;
  const returnTo = callbackPath.parse(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await getCurrentUser()) redirect((returnTo ?? "/dashboard") as "/dashboard");

  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Welcome back</h1>
      <p className="mt-2 text-sm text-muted-foreground">Sign in to see your lessons, requests and calendar.</p>
      <div className="mt-8 space-y-5">
        {noticeText ? <FormAlert tone="success">{noticeText}</FormAlert> : null}
        <SignInForm signIn={signInAction} callbackUrl={returnTo} />
      </div>
      <p className="mt-6 text-center text-sm text-muted-foreground">
        New to MusBook?{" "}
        <Link href="/sign-up" className="font-medium text-accent underline-offset-2 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}
