import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES } from "@/lib/actions";
import { proxy } from "@/proxy";

const post = (path: string, bytes: number) =>
  new NextRequest(`http://localhost:3000${path}`, { method: "POST", headers: { host: "localhost:3000", "content-length": String(bytes) } });

describe("a plain form post over Next's server-action limit", () => {
  it("is answered with a page that says why and links back, before Next reads it", async () => {
    const response = proxy(post("/settings/profile", ACTION_BODY_LIMIT_BYTES + 1));
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toContain("text/html");
    const page = await response.text();
    expect(page).toContain("<h1>That form was too large to send</h1>");
    expect(page).toContain('<a href="/settings/profile">Back to the form</a>');
  });

  it("leaves a post within the limit, and the route handlers (limited on their own), to go on", () => {
    expect(proxy(post("/settings/profile", ACTION_BODY_LIMIT_BYTES)).status).not.toBe(413);
    expect(proxy(post("/api/realtime/auth", ACTION_BODY_LIMIT_BYTES + 1)).status).not.toBe(413);
  });

  it("never writes the requested path into the page unescaped", async () => {
    const page = await proxy(post("/lessons/%22%3E%3Cscript%3E", ACTION_BODY_LIMIT_BYTES + 1)).text();
    expect(page).not.toContain("<script>");
  });
});
