import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { acceptedHost, type HostRules } from "@/lib/security/host";

const production: HostRules = { appUrl: "https://musbook.app", development: false };
const hostOf = (headers: Record<string, string>, rules = production) => acceptedHost(new Headers(headers), rules);

describe("acceptedHost", () => {
  it("takes APP_URL's host, with or without a port, and a proxy's forwarded host before its own", () => {
    expect(hostOf({ host: "musbook.app" })).toBe("musbook.app");
    expect(hostOf({ host: "MusBook.app:443" })).toBe("musbook.app:443");
    expect(hostOf({ host: "internal:3000", "x-forwarded-host": "musbook.app, proxy.internal" })).toBe("musbook.app");
  });

  it("takes loopback names, and hosts listed in ALLOWED_HOSTS", () => {
    for (const host of ["localhost:3000", "127.0.0.1:3510", "[::1]:3000"]) expect(hostOf({ host })).toBe(host);
    expect(hostOf({ host: "preview-42.musbook.dev" }, { ...production, allowedHosts: "preview-42.musbook.dev,other.dev" })).toBe(
      "preview-42.musbook.dev",
    );
  });

  it("refuses a foreign host in production, and takes any well-formed one in development", () => {
    expect(hostOf({ host: "evil.example" })).toBeNull();
    expect(hostOf({ host: "musbook.app.evil.example" })).toBeNull();
    expect(hostOf({ host: "192.168.1.20:3000" }, { ...production, development: true })).toBe("192.168.1.20:3000");
  });

  it("refuses malformed hosts, and any that would add to a header: separators, spaces, paths, credentials", () => {
    const development = { ...production, development: true };
    for (const host of [
      "",
      "a;script-src *",
      "musbook.app;script-src",
      "musbook.app script-src",
      "musbook.app/evil",
      "user@musbook.app",
      "musbook.app:99999",
      "musbook.app:",
      "-musbook.app",
      "musbook..app",
      "[not-ipv6]",
      `${"a".repeat(64)}.app`,
      `${"abc.".repeat(70)}app`,
    ]) {
      expect(hostOf({ host }, development), host).toBeNull();
    }
  });
});

describe("the proxy", () => {
  const request = (path: string, host: string) => new NextRequest(`http://localhost:3000${path}`, { headers: { host } });

  it("answers a malformed or foreign Host with 400 before any page or API route sees it", async () => {
    for (const path of ["/", "/sign-in", "/api/health", "/dashboard"]) {
      for (const host of ["bad host", "localhost;script-src *", "evil.example"]) {
        const response = proxy(request(path, host));
        expect(response.status, `${host} ${path}`).toBe(400);
        expect(response.headers.get("content-security-policy")).toBeNull();
      }
    }
  });

  it("puts only the accepted host into the page's content security policy", () => {
    const response = proxy(request("/", "localhost:3000"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("ws://localhost:");
  });
});
