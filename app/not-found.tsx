import type { Metadata } from "next";
import Link from "next/link";
import { NotFoundPanel } from "@/components/shell/not-found-panel";
import { ButtonLink } from "@/components/ui/button";
import { Logo } from "@/components/ui/logo";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function NotFound() {
  return (
    <main className="min-h-dvh px-4 py-8 sm:px-10">
      <Link href="/">
        <Logo />
      </Link>
      <NotFoundPanel>
        <ButtonLink href="/">Back to MusBook</ButtonLink>
        <ButtonLink href="/sign-in" variant="secondary">
          Sign in
        </ButtonLink>
      </NotFoundPanel>
    </main>
  );
}
