"use client";

import { RefreshCw } from "lucide-react";
import { useEffect, useState } from "react";
import { listenForInstallOffer } from "@/components/pwa/install-prompt";
import { onSigningOut } from "@/components/shell/session-ending";
import { Button } from "@/components/ui/button";

const OWNER_KEY = "musbook:device-user";
const SCRIPT_URL = `/sw.js?v=${encodeURIComponent(process.env.NEXT_PUBLIC_BUILD_VERSION ?? "unversioned")}`;

/** Tells the active worker to empty every cache and drop this browser's push subscription (it outlives the page). */
async function purgeDevice(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration();
  registration?.active?.postMessage({ type: "purge" });
}

/**
 * Registers the service worker in production builds, and offers a reload when a new build's worker is waiting.
 * Development registers none, so edits are never served from a worker.
 */
export function ServiceWorker() {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);

  useEffect(() => listenForInstallOffer(), []);

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    let cancelled = false;
    const hadController = Boolean(navigator.serviceWorker.controller);
    const reload = () => {
      // The first install takes control quietly; only a replaced worker means new code.
      if (hadController) window.location.reload();
    };
    navigator.serviceWorker.addEventListener("controllerchange", reload);
    void navigator.serviceWorker
      .register(SCRIPT_URL, { scope: "/", updateViaCache: "none" })
      .then((registration) => {
        const offer = (worker: ServiceWorker | null) => {
          if (!cancelled && worker && navigator.serviceWorker.controller) setWaiting(worker);
        };
        offer(registration.waiting);
        registration.addEventListener("updatefound", () => {
          const installing = registration.installing;
          installing?.addEventListener("statechange", () => {
            if (installing.state === "installed") offer(installing);
          });
        });
      })
      .catch((error: unknown) => console.warn("Service worker not registered:", error));
    const stopOnSignOut = onSigningOut(() => {
      localStorage.removeItem(OWNER_KEY);
      void purgeDevice();
    });
    return () => {
      cancelled = true;
      stopOnSignOut();
      navigator.serviceWorker.removeEventListener("controllerchange", reload);
    };
  }, []);

  if (!waiting) return null;
  return (
    <div
      role="status"
      className="fixed inset-x-3 bottom-3 z-50 mx-auto flex max-w-md items-center justify-between gap-3 rounded-xl border bg-surface px-4 py-3 text-sm shadow-lg sm:bottom-5"
    >
      <span>A new version of MusBook is ready.</span>
      <Button size="sm" onClick={() => waiting.postMessage({ type: "skip-waiting" })}>
        <RefreshCw className="size-4" aria-hidden="true" />
        Reload
      </Button>
    </div>
  );
}

/**
 * When someone else signs in on this browser (the last one's session ended without signing out), nothing of the last
 * person's may stay: caches are emptied and their push subscription dropped.
 */
export function DeviceOwner({ userId }: { userId: string }) {
  useEffect(() => {
    const previous = localStorage.getItem(OWNER_KEY);
    if (previous && previous !== userId) void purgeDevice();
    localStorage.setItem(OWNER_KEY, userId);
  }, [userId]);
  return null;
}
