import { execFileSync } from "node:child_process";
import type { NextConfig } from "next";
import { baselineSecurityHeaders } from "./lib/security/baseline-headers";

/** Names this build to the service worker (public/sw.js): a new version registers a new worker and offers a reload. */
function buildVersion(): string {
  const commit = process.env.VERCEL_GIT_COMMIT_SHA;
  if (commit) return commit.slice(0, 12);
  try {
    return execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unversioned";
  }
}

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WebAssembly packages must be loaded by Node at run time, not bundled; so must
  // rate-limiter-flexible, whose Drizzle store imports drizzle-orm by a computed name.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "rate-limiter-flexible"],
  typedRoutes: true,
  env: { NEXT_PUBLIC_BUILD_VERSION: buildVersion() },
  // The page CSP carries a per-request nonce, so proxy.ts sets it; these hold for every response.
  headers: async () => [
    { source: "/:path*", headers: baselineSecurityHeaders },
    // The worker is checked for updates on every visit, and runs under a policy of its own: same-origin only.
    {
      source: "/sw.js",
      headers: [
        { key: "Cache-Control", value: "no-cache, no-store, must-revalidate" },
        { key: "Content-Security-Policy", value: "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'" },
      ],
    },
  ],
};

export default nextConfig;
