import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { forgotPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Reset your password", referrer: "no-referrer" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Forgot your password?</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        Enter the email you signed up with and we&rsquo;ll send you a link to choose a new one.
      </p>
      <div className="mt-8">
        <ForgotPasswordForm requestReset={forgotPasswordAction} />
      </div>
    </>
  );
}
