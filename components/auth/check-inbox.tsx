import { MailCheck } from "lucide-react";
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";

/** What a form shows once it has sent an email: where to look, and the way on to sign-in. */
export function CheckInbox({
  children,
  continueLabel,
  continueHref = "/sign-in",
}: {
  children: ReactNode;
  continueLabel: string;
  continueHref?: string;
}) {
  return (
    <div className="space-y-4 text-center" role="status">
      <span className="mx-auto grid size-14 place-items-center rounded-full bg-accent-soft text-accent-soft-foreground">
        <MailCheck className="size-7" aria-hidden="true" />
      </span>
      <h2 className="text-xl font-semibold">Check your inbox</h2>
      <p className="text-sm text-muted-foreground">{children}</p>
      <ButtonLink href={continueHref as "/sign-in"} size="lg" className="w-full">
        {continueLabel}
      </ButtonLink>
    </div>
  );
}
