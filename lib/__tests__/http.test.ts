import { describe, expect, it } from "vitest";
import { z } from "zod";
import { failure, invalid, SESSION_ENDED, type ActionFailure } from "@/lib/actions";
import { crossOriginRefusal, failureResponse, resultResponse } from "@/lib/http";

const post = (headers: Record<string, string>) => new Request("http://internal:3000/api/notifications/read", { method: "POST", headers });

describe("crossOriginRefusal", () => {
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

describe("failureResponse and resultResponse: typed failures to HTTP in one place", () => {
  it.each<[string, ActionFailure, number]>([
    ["invalid input, with its field errors", invalid(z.strictObject({ ids: z.array(z.uuid()) }).safeParse({ ids: "all" }).error!), 400],
    ["an ended session", SESSION_ENDED, 401],
    ["a refusal", failure("forbidden", "Not allowed on this channel"), 403],
    ["something that is not there (or not the caller's)", failure("not-found", "Not found"), 404],
    ["a body over the limit", failure("too-large", "Request body too large"), 413],
    ["a service that is down", failure("unavailable", "database unavailable"), 503],
    ["a refusal with no code, which the message explains", { ok: false, error: "This request has already been answered." }, 400],
  ])("answers %s with its status, message and code, never cached", async (_case, failed, status) => {
    const response = failureResponse(failed);
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = await response.json();
    expect(body).toEqual({
      error: failed.error,
      ...(failed.code && { code: failed.code }),
      ...(failed.fieldErrors && { fieldErrors: failed.fieldErrors }),
    });
  });

  it("sends the field errors of invalid input", async () => {
    const body = await failureResponse(invalid(z.strictObject({ ids: z.array(z.uuid()) }).safeParse({ ids: "all" }).error!)).json();
    expect(body.fieldErrors).toEqual({ ids: expect.any(String) });
  });

  it("answers success with the data alone", async () => {
    const response = resultResponse({ ok: true, data: { marked: 2, unreadCount: 0 } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ marked: 2, unreadCount: 0 });
  });

  it("maps a cross-origin refusal the same way", async () => {
    const refused = crossOriginRefusal(post({ origin: "https://evil.example", host: "musbook.app" }))!;
    expect(await refused.json()).toEqual({ error: "Cross-origin requests are not allowed", code: "forbidden" });
  });
});
