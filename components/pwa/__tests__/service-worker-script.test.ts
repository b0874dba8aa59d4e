import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it, vi } from "vitest";

const ORIGIN = "https://musbook.test";
const source = readFileSync(path.resolve(import.meta.dirname, "../../../public/sw.js"), "utf8");

type Handler = (event: Record<string, unknown>) => void;

/** public/sw.js in a sandbox: the worker globals it uses, faked and recorded. */
function loadWorker({ network = true }: { network?: boolean } = {}) {
  const handlers = new Map<string, Handler>();
  const stores = new Map<string, Map<string, Response>>();
  const cacheOf = (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name)!;
    return {
      match: async (request: Request | string) =>
        store.get(new URL(typeof request === "string" ? request : request.url, ORIGIN).pathname)?.clone(),
      put: async (request: Request | string, response: Response) =>
        void store.set(new URL(typeof request === "string" ? request : request.url, ORIGIN).pathname, response),
      addAll: async (requests: Request[]) => {
        for (const request of requests) store.set(new URL(request.url).pathname, new Response("static"));
      },
    };
  };
  const caches = {
    open: async (name: string) => cacheOf(name),
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
    match: async (request: string, options: { cacheName: string }) => cacheOf(options.cacheName).match(request),
  };
  const fetch = vi.fn(async (request: Request | string) => {
    if (!network) throw new TypeError("Failed to fetch");
    const url = new URL(typeof request === "string" ? request : request.url, ORIGIN);
    if (url.pathname === "/offline")
      return new Response('<link href="/_next/static/css/app.css"><script src="/_next/static/chunks/a.js"></script>You are offline');
    return new Response(`page ${url.pathname}`);
  });
  const windows: { url: string; focus: ReturnType<typeof vi.fn>; navigate: ReturnType<typeof vi.fn> }[] = [];
  const clients = { matchAll: vi.fn(async () => windows), openWindow: vi.fn(async () => null), claim: vi.fn(async () => undefined) };
  const unsubscribe = vi.fn(async () => true);
  const registration = {
    showNotification: vi.fn(async () => undefined),
    pushManager: { getSubscription: async () => ({ unsubscribe }) },
  };
  const self = {
    location: new URL(`${ORIGIN}/sw.js?v=build-1`),
    addEventListener: (type: string, handler: Handler) => handlers.set(type, handler),
    skipWaiting: vi.fn(),
    clients,
    registration,
  };
  // In a worker, a relative URL resolves against the worker's origin.
  class WorkerRequest extends Request {
    constructor(input: string, init?: RequestInit) {
      super(new URL(input, ORIGIN), init);
    }
  }
  vm.runInNewContext(source, { self, caches, fetch, URL, Request: WorkerRequest, Response, Set, Promise, Error, TypeError, console });

  /** Dispatches an event; resolves with what it responded with, after every waitUntil settled. */
  async function dispatch(type: string, fields: Record<string, unknown>) {
    const pending: Promise<unknown>[] = [];
    let responded: Promise<Response> | undefined;
    handlers.get(type)!({
      ...fields,
      waitUntil: (promise: Promise<unknown>) => pending.push(promise),
      respondWith: (response: Promise<Response>) => (responded = Promise.resolve(response)),
    });
    const response = await responded;
    await Promise.all(pending);
    return response;
  }
  return { dispatch, stores, fetch, clients, windows, registration, unsubscribe, self };
}

const request = (pathname: string, init: { mode?: string; method?: string } = {}) =>
  ({ url: `${ORIGIN}${pathname}`, method: init.method ?? "GET", mode: init.mode ?? "cors" }) as unknown as Request;

describe("the service worker (public/sw.js)", () => {
  it("caches the offline page and the static files it names, in a cache named for the build", async () => {
    const worker = loadWorker();
    await worker.dispatch("install", {});
    expect([...worker.stores.keys()]).toEqual(["musbook-shell-build-1"]);
    expect([...worker.stores.get("musbook-shell-build-1")!.keys()].sort()).toEqual(
      ["/_next/static/chunks/a.js", "/_next/static/css/app.css", "/icons/badge-96.png", "/icons/icon-192.png", "/offline"].sort(),
    );
  });

  it("never answers API calls, RSC payloads, posts or other origins: they go to the network untouched", async () => {
    const worker = loadWorker();
    for (const untouched of [
      request("/api/notifications"),
      request("/lessons?_rsc=abc"),
      request("/lessons", { method: "POST", mode: "navigate" }),
      { url: "https://elsewhere.test/x.js", method: "GET", mode: "cors" } as unknown as Request,
    ])
      expect(await worker.dispatch("fetch", { request: untouched })).toBeUndefined();
  });

  it("serves pages from the network, and the offline page when the network is gone", async () => {
    const online = loadWorker();
    const page = await online.dispatch("fetch", { request: request("/calendar", { mode: "navigate" }) });
    expect(await page!.text()).toBe("page /calendar");
    // The page itself is never stored; only the shell is (re)fetched beside it.
    expect([...online.stores.get("musbook-shell-build-1")!.keys()]).not.toContain("/calendar");

    const offline = loadWorker();
    await offline.dispatch("install", {});
    offline.fetch.mockRejectedValue(new TypeError("Failed to fetch"));
    const fallback = await offline.dispatch("fetch", { request: request("/calendar", { mode: "navigate" }) });
    expect(await fallback!.text()).toContain("You are offline");
  });

  it("empties every cache and drops the push subscription when asked to purge (sign-out), keeping only a fresh offline page", async () => {
    const worker = loadWorker();
    await worker.dispatch("install", {});
    worker.stores.get("musbook-shell-build-1")!.set("/lessons", new Response("Fanny's lessons"));
    worker.stores.set("left-by-an-old-version", new Map());
    await worker.dispatch("message", { origin: ORIGIN, data: { type: "purge" } });
    expect(worker.unsubscribe).toHaveBeenCalledOnce();
    // Only the shell, fetched again without cookies: offline still has an answer, and it names no one.
    expect([...worker.stores.keys()]).toEqual(["musbook-shell-build-1"]);
    expect([...worker.stores.get("musbook-shell-build-1")!.keys()]).not.toContain("/lessons");
    expect(worker.fetch).toHaveBeenLastCalledWith("/offline", { cache: "no-store", credentials: "omit" });
    // A message from another origin is ignored.
    worker.stores.set("kept", new Map());
    await worker.dispatch("message", { origin: "https://evil.test", data: { type: "purge" } });
    expect(worker.stores.has("kept")).toBe(true);
  });

  it("shows a push as a notification that opens inside MusBook only", async () => {
    const worker = loadWorker();
    const push = (payload: unknown) => worker.dispatch("push", { data: { json: () => payload, text: () => JSON.stringify(payload) } });
    await push({ title: "Lesson in 30 minutes", body: "Piano with Amelia", url: "/lessons/123", tag: "reminder-1" });
    await push({ title: "Phish", url: "https://evil.test/steal" });
    const shown = worker.registration.showNotification.mock.calls as unknown as [string, { data: { url: string }; tag?: string }][];
    expect(shown[0]![0]).toBe("Lesson in 30 minutes");
    expect(shown[0]![1]).toMatchObject({ tag: "reminder-1", data: { url: `${ORIGIN}/lessons/123` } });
    expect(shown[1]![1].data.url).toBe(`${ORIGIN}/dashboard`);
  });

  it("a notification click focuses the window already showing its page, else takes an open window there, else opens one", async () => {
    const click = (worker: ReturnType<typeof loadWorker>, url: string) =>
      worker.dispatch("notificationclick", { notification: { close: vi.fn(), data: { url } } });
    const window = (url: string) => ({ url, focus: vi.fn(async () => undefined), navigate: vi.fn(async () => undefined) });

    const showing = loadWorker();
    showing.windows.push(window(`${ORIGIN}/dashboard`), window(`${ORIGIN}/messages/1`));
    await click(showing, `${ORIGIN}/messages/1`);
    expect(showing.windows[1]!.focus).toHaveBeenCalled();
    expect(showing.windows[0]!.navigate).not.toHaveBeenCalled();

    const elsewhere = loadWorker();
    elsewhere.windows.push(window(`${ORIGIN}/dashboard`));
    await click(elsewhere, `${ORIGIN}/messages/1`);
    expect(elsewhere.windows[0]!.navigate).toHaveBeenCalledWith(`${ORIGIN}/messages/1`);

    const closed = loadWorker();
    await click(closed, `${ORIGIN}/messages/1`);
    expect(closed.clients.openWindow).toHaveBeenCalledWith(`${ORIGIN}/messages/1`);
  });

  it("sends a subscription the browser renewed to MusBook, so push keeps working", async () => {
    const worker = loadWorker();
    const renewed = { toJSON: () => ({ endpoint: "https://fcm.googleapis.com/fcm/send/new", keys: { p256dh: "p", auth: "a" } }) };
    await worker.dispatch("pushsubscriptionchange", { oldSubscription: null, newSubscription: renewed });
    const [url, init] = worker.fetch.mock.lastCall as unknown as [string, RequestInit];
    expect(url).toBe("/api/push/subscription");
    expect(init).toMatchObject({ method: "POST", credentials: "same-origin" });
    expect(JSON.parse(String(init.body))).toEqual(renewed.toJSON());
  });
});
