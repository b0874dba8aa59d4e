import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/ui/logo";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="grid min-h-dvh lg:grid-cols-[1fr_minmax(0,36rem)]">
      <aside className="relative hidden overflow-hidden bg-brand-900 p-12 text-white lg:flex lg:flex-col lg:justify-between dark:bg-brand-950">
        <div className="absolute -right-24 -top-24 size-96 rounded-full bg-brand-600/40 blur-3xl" aria-hidden="true" />
        <div className="absolute -bottom-32 left-10 size-96 rounded-full bg-amber-400/20 blur-3xl" aria-hidden="true" />
        <Link href="/" className="relative">
          <Logo />
        </Link>
        <blockquote className="relative max-w-md">
          <p className="text-2xl font-medium leading-snug">
            &ldquo;My Thursday used to be twenty texts about who can come when. Now my students move their own lessons and I just
            approve.&rdquo;
          </p>
          <footer className="mt-4 text-sm text-brand-200">Piano teacher, 38 students</footer>
        </blockquote>
      </aside>
      <main className="flex flex-col px-4 py-8 sm:px-10">
        <Link href="/" className="mb-10 lg:hidden">
          <Logo />
        </Link>
        <div className="mx-auto flex w-full max-w-sm flex-1 flex-col justify-center">{children}</div>
      </main>
    </div>
  );
}
