import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { callbackPath } from "@/lib/auth/schemas";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const { callbackUrl } = await searchParams;
  const returnTo = callbackPath.parse(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await getCurrentUser()) redirect((returnTo ?? "/dashboard") as "/dashboard");

  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Welcome back</h1>
      <p className="mt-2 text-sm text-muted-foreground">Sign in to see your lessons, messages and reminders.</p>
      <div className="mt-8">
        <SignInForm callbackUrl={returnTo} />
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
