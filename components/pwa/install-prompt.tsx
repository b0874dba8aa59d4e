"use client";

import { Download, Share, X } from "lucide-react";
import { useState, useSyncExternalStore } from "react";
import { useHydrated } from "@/components/forms/use-hydrated";
import { Button } from "@/components/ui/button";

interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

const DISMISSED_KEY = "musbook:install-dismissed";

// The browser offers installation once, early in the page's life: held here until a prompt is shown.
let offered: BeforeInstallPromptEvent | null = null;
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** Called once from the root layout, so the offer is kept even when the dashboard is opened later. */
export function listenForInstallOffer(): () => void {
  const onOffer = (event: Event) => {
    event.preventDefault();
    offered = event as BeforeInstallPromptEvent;
    changed();
  };
  const onInstalled = () => {
    offered = null;
    changed();
  };
  window.addEventListener("beforeinstallprompt", onOffer);
  window.addEventListener("appinstalled", onInstalled);
  return () => {
    window.removeEventListener("beforeinstallprompt", onOffer);
    window.removeEventListener("appinstalled", onInstalled);
  };
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

type Way = "prompt" | "ios" | null;

/** iOS Safari has no install prompt: Share, then Add to Home Screen. Other iOS browsers cannot install at all. */
function iosSafari(): boolean {
  const agent = navigator.userAgent;
  const iOS = /iPhone|iPad|iPod/.test(agent) || (agent.includes("Macintosh") && navigator.maxTouchPoints > 1);
  return iOS && /Safari/.test(agent) && !/CriOS|FxiOS|EdgiOS|OPiOS/.test(agent);
}

const standalone = () =>
  window.matchMedia("(display-mode: standalone)").matches || (navigator as Navigator & { standalone?: boolean }).standalone === true;

/**
 * A quiet card over the dashboard's corner: install where the browser offers it, a how-to on iOS; once dismissed, never
 * again. It floats because the offer arrives late, and a card pushed into the page would shift everything below it.
 */
export function InstallPrompt() {
  const offer = useSyncExternalStore(
    subscribe,
    () => offered,
    () => null,
  );
  const hydrated = useHydrated();
  const [dismissedNow, setDismissedNow] = useState(false);
  // Read only after hydration: the server knows neither the device nor what was dismissed on it.
  const dismissed = !hydrated || dismissedNow || localStorage.getItem(DISMISSED_KEY) === "yes" || standalone();
  const way: Way = dismissed ? null : offer ? "prompt" : iosSafari() ? "ios" : null;
  if (!way) return null;

  const dismiss = () => {
    localStorage.setItem(DISMISSED_KEY, "yes");
    setDismissedNow(true);
  };

  return (
    <section
      aria-label="Install MusBook"
      className="fixed inset-x-3 bottom-3 z-30 flex items-start gap-4 rounded-2xl border bg-surface p-4 shadow-lg sm:inset-x-auto sm:right-6 sm:bottom-6 sm:max-w-sm"
    >
      <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-accent-soft text-accent-soft-foreground" aria-hidden="true">
        {way === "prompt" ? <Download className="size-5" /> : <Share className="size-5" />}
      </span>
      <div className="min-w-0 flex-1 space-y-2 text-sm">
        <p className="font-semibold">Install MusBook on this device</p>
        {way === "prompt" ? (
          <>
            <p className="text-muted-foreground">It opens from your home screen like an app, with reminders as notifications.</p>
            <Button
              size="sm"
              onClick={async () => {
                const event = offer!;
                offered = null;
                changed();
                await event.prompt();
                if ((await event.userChoice).outcome === "dismissed") dismiss();
              }}
            >
              <Download className="size-4" aria-hidden="true" />
              Install app
            </Button>
          </>
        ) : (
          <ol className="list-decimal space-y-1 pl-5 text-muted-foreground">
            <li>
              Tap <Share className="inline size-4 align-text-bottom" aria-label="Share" /> in Safari&rsquo;s toolbar.
            </li>
            <li>Choose &ldquo;Add to Home Screen&rdquo;, then &ldquo;Add&rdquo;.</li>
            <li>Open MusBook from the new icon to get reminders as notifications.</li>
          </ol>
        )}
      </div>
      <button
        type="button"
        onClick={dismiss}
        className="grid size-8 shrink-0 place-items-center rounded-lg text-muted-foreground transition hover:bg-surface-muted hover:text-foreground"
        aria-label="Dismiss"
      >
        <X className="size-4" aria-hidden="true" />
      </button>
    </section>
  );
}
