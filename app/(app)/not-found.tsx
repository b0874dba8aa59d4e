import type { Metadata } from "next";
import { NotFoundPanel } from "@/components/shell/not-found-panel";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found" };

/** Inside the signed-in shell, so navigation stays at hand. */
export default function SignedInNotFound() {
  return (
    <NotFoundPanel>
      <ButtonLink href="/dashboard">Back to your dashboard</ButtonLink>
      <ButtonLink href="/lessons" variant="secondary">
        Lessons
      </ButtonLink>
    </NotFoundPanel>
  );
}
