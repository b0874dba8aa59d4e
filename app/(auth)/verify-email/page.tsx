import type { Metadata } from "next";
import { VerifyEmailForm } from "@/components/auth/verify-email-form";
import { FormAlert } from "@/components/ui/field";
import { verifyEmailAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your email", referrer: "no-referrer" };

export default async function VerifyEmailPage({ searchParams }: PageProps<"/verify-email">) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Confirm your email</h1>
      <p className="mt-2 text-sm text-muted-foreground">One click and your address is confirmed.</p>
      <div className="mt-8">
        {typeof token === "string" && token.length > 0 ? (
          <VerifyEmailForm verifyEmail={verifyEmailAction} token={token} />
        ) : (
          <FormAlert>This link is incomplete. Open the link from the email again, or sign in and ask for a new one.</FormAlert>
        )}
      </div>
    </>
  );
}
