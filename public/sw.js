// MusBook's service worker: an offline page, push notifications, and nothing else.
// It caches only the offline page and the static files it needs, fetched without cookies. Pages, RSC payloads,
// /api/* and anything a session can see always go to the network and are never stored.
// The build version comes in the script URL (/sw.js?v=…): a new build registers a new worker, and the page offers
// to reload into it rather than switching under the reader.

const VERSION = new URL(self.location.href).searchParams.get("v") || "unversioned";
const SHELL_CACHE = `musbook-shell-${VERSION}`;
const OFFLINE_URL = "/offline";
const SHELL_FILES = ["/icons/icon-192.png", "/icons/badge-96.png"];

/** The offline page, and the scripts and styles its HTML names, so it renders with no network at all. */
async function cacheShell() {
  const response = await fetch(OFFLINE_URL, { cache: "no-store", credentials: "omit" });
  if (!response.ok) throw new Error(`offline page: HTTP ${response.status}`);
  const html = await response.clone().text();
  const assets = [...html.matchAll(/(?:href|src)="(\/_next\/static\/[^"?#]+)"/g)].map((match) => match[1]);
  const cache = await caches.open(SHELL_CACHE);
  await cache.addAll([...new Set([...assets, ...SHELL_FILES])].map((url) => new Request(url, { credentials: "omit" })));
  await cache.put(OFFLINE_URL, response);
}

/** After a purge (sign-out) the shell is fetched again: it holds nothing of anyone's. */
async function ensureShell() {
  const cache = await caches.open(SHELL_CACHE);
  if (!(await cache.match(OFFLINE_URL))) await cacheShell();
}

/** Everything goes; then the offline page comes back, fetched without cookies, so offline still has an answer. */
async function purge() {
  const names = await caches.keys();
  await Promise.all(names.map((name) => caches.delete(name)));
  // A signed-out browser gets no more of that person's notifications.
  const subscription = await self.registration.pushManager.getSubscription();
  if (subscription) await subscription.unsubscribe();
  await cacheShell();
}

self.addEventListener("install", (event) => {
  event.waitUntil(cacheShell());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name !== SHELL_CACHE).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.origin && event.origin !== self.location.origin) return;
  const type = event.data && event.data.type;
  if (type === "skip-waiting") self.skipWaiting();
  else if (type === "purge") event.waitUntil(purge());
});

async function navigate(event) {
  try {
    const response = await fetch(event.request);
    event.waitUntil(ensureShell().catch(() => undefined));
    return response;
  } catch {
    const offline = await caches.match(OFFLINE_URL, { cacheName: SHELL_CACHE });
    return offline || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(event));
    return;
  }
  // Only the shell's own files come from the cache; everything else is left to the network and the HTTP cache.
  if (url.pathname.startsWith("/_next/static/") || SHELL_FILES.includes(url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: SHELL_CACHE, ignoreSearch: true }).then((cached) => cached || fetch(request)));
  }
});

/** A link inside MusBook, or the dashboard: a push payload never sends anyone elsewhere. */
function inAppUrl(link) {
  try {
    const url = new URL(link || "/dashboard", self.location.origin);
    return url.origin === self.location.origin ? url.href : new URL("/dashboard", self.location.origin).href;
  } catch {
    return new URL("/dashboard", self.location.origin).href;
  }
}

self.addEventListener("push", (event) => {
  let payload = {};
  try {
    payload = event.data ? event.data.json() : {};
  } catch {
    payload = { body: event.data ? event.data.text() : undefined };
  }
  event.waitUntil(
    self.registration.showNotification(payload.title || "MusBook", {
      body: payload.body,
      tag: payload.tag,
      icon: "/icons/icon-192.png",
      badge: "/icons/badge-96.png",
      data: { url: inAppUrl(payload.url) },
    }),
  );
});

// The browser replaced this device's subscription (keys rotated, or the old one expired): tell MusBook the new one.
self.addEventListener("pushsubscriptionchange", (event) => {
  event.waitUntil(
    (async () => {
      const options = event.oldSubscription && event.oldSubscription.options;
      const renewed = event.newSubscription || (options ? await self.registration.pushManager.subscribe(options) : null);
      if (!renewed) return;
      await fetch("/api/push/subscription", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(renewed.toJSON()),
      });
    })(),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = inAppUrl(event.notification.data && event.notification.data.url);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const exact = windows.find((client) => client.url === target);
      if (exact) return exact.focus();
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        if ("navigate" in open) return open.navigate(target).catch(() => self.clients.openWindow(target));
      }
      return self.clients.openWindow(target);
    })(),
  );
});
