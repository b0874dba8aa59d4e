import { describe, expect, it } from "vitest";
import { crossOriginRefusal } from "@/lib/http";

const post = (headers: Record<string, string>) => new Request("http://internal:3000/api/notifications/read", { method: "POST", headers });

describe("crossOriginRefusal (T16)", () => {
  it.each([
    ["no Origin (not a cross-site page script)", {}],
    ["the Host the browser sent the request to", { origin: "http://127.0.0.1:3210", host: "127.0.0.1:3210" }],
    ["the host a proxy forwarded", { origin: "https://musbook.app", host: "internal:3000", "x-forwarded-host": "musbook.app" }],
    ["the configured APP_URL", { origin: "http://localhost:3000", host: "internal:3000" }],
  ])("lets through %s", (_case, headers) => {
    expect(crossOriginRefusal(post(headers))).toBeNull();
  });

  it.each([
    ["another site", { origin: "https://evil.example", host: "musbook.app" }],
    ["a sibling subdomain", { origin: "https://evil.musbook.app", host: "musbook.app" }],
    ["a sandboxed frame (Origin: null)", { origin: "null", host: "musbook.app" }],
    ["a different port on the same host", { origin: "http://127.0.0.1:9999", host: "127.0.0.1:3210" }],
  ])("refuses %s with 403", (_case, headers) => {
    expect(crossOriginRefusal(post(headers))?.status).toBe(403);
  });
});
