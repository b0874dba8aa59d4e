import { WifiOff } from "lucide-react";
import type { Metadata } from "next";
import { RetryButton } from "@/components/pwa/retry-button";
import { Logo } from "@/components/ui/logo";

export const metadata: Metadata = { title: "Offline", robots: { index: false } };

/**
 * What the service worker shows when a page cannot be reached. It is cached without cookies and shown to whoever
 * holds the phone, so it names nothing private: no lessons, no names, no messages.
 */
export default function OfflinePage() {
  return (
    <main className="flex min-h-dvh flex-col px-4 py-8 sm:px-10">
      <Logo />
      <div className="mx-auto flex max-w-md flex-1 flex-col items-center justify-center py-16 text-center">
        <span className="grid size-12 place-items-center rounded-full bg-accent-soft text-accent-soft-foreground" aria-hidden="true">
          <WifiOff className="size-6" />
        </span>
        <h1 className="mt-6 text-2xl font-bold tracking-tight sm:text-3xl">You are offline</h1>
        <p className="mt-3 text-sm text-muted-foreground">
          MusBook needs a connection to show your lessons, messages and calendar. Everything you saved is safe on the server. Check your
          connection, then try again.
        </p>
        <div className="mt-8">
          <RetryButton />
        </div>
      </div>
    </main>
  );
}
