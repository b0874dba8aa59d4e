import { describe, expect, it } from "vitest";
import { z } from "zod";
import { failure, invalid, SESSION_ENDED, type ActionFailure } from "@/lib/actions";
import { crossOriginRefusal, failureResponse, readBodyText, readFormBody, readJsonBody, resultResponse } from "@/lib/http";

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

describe("bounded request bodies", () => {
  /** A body sent in chunks with no Content-Length, as a client streaming without end would; counts what was pulled. */
  function chunked(chunkBytes: number, chunks: number) {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === chunks) return controller.close();
        pulled++;
        controller.enqueue(new Uint8Array(chunkBytes).fill(97));
      },
    });
    const request = new Request("http://localhost/api/x", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    return { request, pulled: () => pulled };
  }

  it("reads a body within the limit", async () => {
    const request = new Request("http://localhost/api/x", { method: "POST", body: JSON.stringify({ ids: ["a"] }) });
    expect(await readJsonBody(request, 100)).toEqual({ ok: true, value: { ids: ["a"] } });
    expect(await readFormBody(new Request("http://localhost", { method: "POST", body: "a=1&b=%20" }), 100)).toEqual({
      ok: true,
      value: { a: "1", b: " " },
    });
  });

  it("refuses a declared length over the limit with 413, unread", async () => {
    const request = new Request("http://localhost/api/x", {
      method: "POST",
      headers: { "content-length": "200" },
      body: "x".repeat(200),
    });
    const read = await readBodyText(request, 100);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.response.status).toBe(413);
    expect(request.bodyUsed).toBe(false);
  });

  it("stops a chunked body at the limit: 413, and the rest never read", async () => {
    const { request, pulled } = chunked(64 * 1024, 10_000);
    const read = await readBodyText(request, 1024 * 1024);
    expect(!read.ok && read.response.status).toBe(413);
    expect(pulled()).toBeLessThan(20);
  });

  it("reads malformed JSON as null, for the schema to refuse", async () => {
    expect(await readJsonBody(new Request("http://localhost", { method: "POST", body: "{not json" }), 100)).toEqual({
      ok: true,
      value: null,
    });
  });
});
