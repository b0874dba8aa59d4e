"use client";

import { BellRing, Send } from "lucide-react";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useAction } from "@/components/forms/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { AnyServerAction } from "@/lib/actions";
import type { PushDevice } from "@/lib/push/devices";
import { formatDate } from "@/lib/time";
import { cn } from "@/lib/utils";

/** A production build registers its service worker on page load; a click that comes first waits this long for it. */
const SERVICE_WORKER_WAIT_MS = 10_000;

const NO_SERVICE_WORKER =
  process.env.NODE_ENV === "development"
    ? "Push needs the installed app build (npm run build && npm start): development registers no service worker."
    : "MusBook's background helper (its service worker) isn't running in this browser yet. Reload the page and try again.";

/** "checking" until hydrated: the server cannot know what the browser supports. */
type PushState = "checking" | "unsupported" | NotificationPermission;

const subscribeNever = () => () => {};

function browserPushState(): PushState {
  if (!("serviceWorker" in navigator && "PushManager" in window && "Notification" in window)) return "unsupported";
  return Notification.permission;
}

function base64UrlBytes(base64Url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64Url
    .replaceAll("-", "+")
    .replaceAll("_", "/")
    .padEnd(Math.ceil(base64Url.length / 4) * 4, "=");
  return Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
}

/** `ready` never settles in a browser without a registered worker. */
function activeServiceWorker(): Promise<ServiceWorkerRegistration | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), SERVICE_WORKER_WAIT_MS));
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** A subscription made for a server key since replaced can no longer be reached, so it gives way to a new one. */
async function subscribeThisBrowser(pushManager: PushManager, serverKey: Uint8Array<ArrayBuffer>): Promise<PushSubscription> {
  const existing = await pushManager.getSubscription();
  const existingKey = existing?.options.applicationServerKey;
  const otherKey =
    existingKey &&
    (existingKey.byteLength !== serverKey.length || !new Uint8Array(existingKey).every((byte, index) => byte === serverKey[index]));
  if (existing && !otherKey) return existing;
  await existing?.unsubscribe();
  return pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: serverKey });
}

type Answer = { tone: "error" | "success"; text: string };

const answerOf = ({ error, message }: { error?: string; message?: string }): Answer | null =>
  error ? { tone: "error", text: error } : message ? { tone: "success", text: message } : null;

const noteClasses = "rounded-lg bg-surface-muted px-3 py-2.5 text-sm text-muted-foreground";

/** Web push for the signed-in person: turn it on in this browser, see and remove their devices, and send a test. */
export function PushDevices({
  actions,
  vapidPublicKey,
  devices,
  timezone,
}: {
  actions: { subscribe: AnyServerAction; remove: AnyServerAction; test: AnyServerAction };
  vapidPublicKey: string;
  devices: PushDevice[];
  timezone: string;
}) {
  const pushState = useSyncExternalStore(subscribeNever, browserPushState, (): PushState => "checking");
  const supported = pushState !== "checking" && pushState !== "unsupported";
  const [thisEndpoint, setThisEndpoint] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [notice, setNotice] = useState<Answer | null>(null);
  const removingEndpoint = useRef<string | null>(null);

  const subscribe = useAction(actions.subscribe);
  const test = useAction(actions.test);
  const remove = useAction(actions.remove, {
    onSuccess: () => {
      // This browser's own subscription ends too, or it would outlive the device the server no longer knows.
      if (removingEndpoint.current !== thisEndpoint) return;
      void currentSubscription().then((subscription) => subscription?.unsubscribe());
      setThisEndpoint(null);
    },
  });

  useEffect(() => {
    if (!supported) return;
    let cancelled = false;
    void currentSubscription().then((subscription) => {
      if (!cancelled) setThisEndpoint(subscription?.endpoint ?? null);
    });
    return () => {
      cancelled = true;
    };
  }, [supported]);

  const startOver = () => {
    setNotice(null);
    subscribe.reset();
    remove.reset();
    test.reset();
  };

  async function notifyThisDevice() {
    startOver();
    setWorking(true);
    try {
      // Asked first, while the click still counts as the person's own gesture.
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        if (permission === "default")
          setNotice({ tone: "error", text: "Notifications were not allowed. Choose Allow when the browser asks." });
        return;
      }
      const registration = await activeServiceWorker();
      if (!registration) {
        setNotice({ tone: "error", text: NO_SERVICE_WORKER });
        return;
      }
      const subscription = await subscribeThisBrowser(registration.pushManager, base64UrlBytes(vapidPublicKey));
      setThisEndpoint(subscription.endpoint);
      subscribe.run({ ...subscription.toJSON(), userAgent: navigator.userAgent });
    } catch (error) {
      const reason = error instanceof Error && error.message ? ` (${error.message})` : "";
      setNotice({ tone: "error", text: `This browser could not turn notifications on${reason}. Try again, or try another browser.` });
    } finally {
      setWorking(false);
    }
  }

  function removeDevice(device: PushDevice) {
    startOver();
    removingEndpoint.current = device.endpoint;
    remove.run({ deviceId: device.id });
  }

  function sendTest() {
    startOver();
    test.run();
  }

  const answer = notice ?? answerOf(subscribe) ?? answerOf(remove) ?? answerOf(test);
  const thisDeviceListed = thisEndpoint !== null && devices.some((device) => device.endpoint === thisEndpoint);
  const busy = working || subscribe.pending;

  return (
    <div className="space-y-5">
      {pushState === "unsupported" ? (
        <p className={noteClasses}>
          This browser can&rsquo;t receive push notifications. On an iPhone or iPad, first add MusBook to your Home Screen (Share, then Add
          to Home Screen; iOS 16.4 or later) and open it from there.
        </p>
      ) : null}

      {pushState === "denied" ? (
        <p className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2.5 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
          Notifications are blocked for MusBook in this browser. To allow them, open the site settings (the icon beside the address, or on a
          phone your browser&rsquo;s Settings, then Site settings, then Notifications), choose Allow, and reload this page.
        </p>
      ) : null}

      {pushState === "checking" || pushState === "default" || pushState === "granted" ? (
        thisDeviceListed ? (
          <p className="flex items-center gap-2 text-sm">
            <BellRing className="size-4 shrink-0 text-accent" aria-hidden="true" />
            This device gets notifications.
          </p>
        ) : (
          <Button onClick={() => void notifyThisDevice()} disabled={!supported || busy}>
            <BellRing className="size-4" aria-hidden="true" />
            {busy ? "Turning notifications on…" : "Notify me on this device"}
          </Button>
        )
      ) : null}

      <div role="status">
        {answer ? (
          <p
            className={cn(
              "rounded-lg border px-3 py-2.5 text-sm",
              answer.tone === "error"
                ? "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
                : "border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200",
            )}
          >
            {answer.text}
          </p>
        ) : null}
      </div>

      {devices.length > 0 ? (
        <div className="space-y-3">
          <h3 id="push-devices-list" className="text-sm font-semibold tracking-tight">
            Devices that get notifications
          </h3>
          <ul aria-labelledby="push-devices-list" className="divide-y rounded-xl border">
            {devices.map((device) => {
              const isThisDevice = device.endpoint === thisEndpoint;
              const added = formatDate(device.createdAt, timezone);
              return (
                <li key={device.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                      {device.label}
                      {isThisDevice ? <Badge tone="accent">This device</Badge> : null}
                    </p>
                    <p className="text-xs text-muted-foreground">
                      {device.lastUsedAt ? `Added ${added} · last notified ${formatDate(device.lastUsedAt, timezone)}` : `Added ${added}`}
                    </p>
                  </div>
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => removeDevice(device)}
                    disabled={remove.pending}
                    aria-label={`Remove ${isThisDevice ? "this device" : device.label}, added ${added}`}
                  >
                    Remove
                  </Button>
                </li>
              );
            })}
          </ul>
          <Button variant="secondary" onClick={sendTest} disabled={test.pending}>
            <Send className="size-4" aria-hidden="true" />
            {test.pending ? "Sending…" : "Send a test notification"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
