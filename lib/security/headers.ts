import { env } from "@/lib/env";

function realtimeSources(pageHostname: string): string[] {
  const config = env();
  if (config.PUSHER_KEY && config.PUSHER_HOST) {
    const port = config.PUSHER_PORT ? `:${config.PUSHER_PORT}` : "";
    return [`wss://${config.PUSHER_HOST}${port}`, `ws://${config.PUSHER_HOST}${port}`];
  }
  if (config.PUSHER_KEY) return [`wss://ws-${config.PUSHER_CLUSTER ?? "mt1"}.pusher.com`];
  return [`ws://${pageHostname}:${config.REALTIME_PORT}`, `wss://${pageHostname}:${config.REALTIME_PORT}`];
}

/** Inline style attributes stay allowed: React and Next render some. */
export function contentSecurityPolicy(nonce: string, pageHostname: string, development = env().NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self' ${realtimeSources(pageHostname).join(" ")}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** So a layout that finds the session invalid can come back to the requested path. */
export const REQUESTED_PATH_HEADER = "x-musbook-path";
