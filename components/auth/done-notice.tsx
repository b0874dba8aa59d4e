import { CheckCircle2 } from "lucide-react";
import type { Route } from "next";
import { ButtonLink } from "@/components/ui/button";

/** What a one-step form (confirm email, reset password) shows once it has worked, and where to go next. */
export function DoneNotice({ message, href, label }: { message: string; href: Route; label: string }) {
  return (
    <div className="space-y-4 text-center" role="status">
      <CheckCircle2 className="mx-auto size-12 text-emerald-600" aria-hidden="true" />
      <p className="text-lg font-semibold">{message}</p>
      <ButtonLink href={href} size="lg" className="w-full">
        {label}
      </ButtonLink>
    </div>
  );
}
