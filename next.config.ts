import type { NextConfig } from "next";
import { baselineSecurityHeaders } from "./lib/security/baseline-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WebAssembly packages must be loaded by Node at run time, not bundled; so must
  // rate-limiter-flexible, whose Drizzle store imports drizzle-orm by a computed name.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "rate-limiter-flexible"],
  typedRoutes: true,
  // The page CSP carries a per-request nonce, so proxy.ts sets it; these hold for every response.
  headers: async () => [{ source: "/:path*", headers: baselineSecurityHeaders }],
};

export default nextConfig;
