import { env } from "@/lib/env";

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
/** A DNS name or an IPv4 address, or an IPv6 address in brackets; then an optional port. Nothing else: no spaces, no `;`. */
const HOST = new RegExp(`^(?:(?:${LABEL}\\.)*${LABEL}|\\[[0-9a-f:.]+\\])(?::\\d{1,5})?$`, "i");
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export interface HostRules {
  appUrl: string;
  development: boolean;
  allowedHosts?: string;
}

const rulesFromEnv = (): HostRules => {
  const config = env();
  return { appUrl: config.APP_URL, development: config.NODE_ENV === "development", allowedHosts: config.ALLOWED_HOSTS };
};

/**
 * The host the browser used (a proxy's forwarded host first), lower-cased, or null when it is malformed or not one
 * this server answers to: APP_URL's host, a loopback name, or one listed in ALLOWED_HOSTS (any well-formed host in
 * development). Everything that puts the host into a header or a page (the CSP's realtime address) takes it from here.
 */
export function acceptedHost(headers: Headers, rules: HostRules = rulesFromEnv()): string | null {
  const raw = (headers.get("x-forwarded-host")?.split(",")[0] ?? headers.get("host") ?? "").trim().toLowerCase();
  if (raw.length === 0 || raw.length > 261 || !HOST.test(raw)) return null;
  const port = raw.match(/:(\d+)$/)?.[1];
  if (port !== undefined && Number(port) > 65535) return null;
  const hostname = port === undefined ? raw : raw.slice(0, -port.length - 1);
  if (rules.development || LOOPBACK.has(hostname) || hostname === new URL(rules.appUrl).hostname.toLowerCase()) return raw;
  const allowed = (rules.allowedHosts ?? "").toLowerCase().split(",").filter(Boolean);
  return allowed.includes(hostname) ? raw : null;
}
