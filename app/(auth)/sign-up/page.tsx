import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { userRoles, type UserRole } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/session";
import { listTimeZones } from "@/lib/time";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  if (await getCurrentUser()) redirect("/dashboard");
  const { role } = await searchParams;
  const initialRole = userRoles.includes(role as UserRole) ? (role as UserRole) : undefined;

  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Create your MusBook account</h1>
      <p className="mt-2 text-sm text-muted-foreground">Free while in early access. It takes about a minute.</p>
      <div className="mt-8">
        <SignUpForm initialRole={initialRole} timeZones={listTimeZones()} />
      </div>
    </>
  );
}
