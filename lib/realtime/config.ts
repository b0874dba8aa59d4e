import { env } from "@/lib/env";
import { persistentSecret } from "@/lib/secrets";

export interface RealtimeServerConfig {
  mode: "embedded" | "hosted";
  appId: string;
  key: string;
  secret: string;
  cluster: string;
  host?: string;
  port?: number;
  useTLS: boolean;
}

/** What the browser needs to connect: never the secret. */
export interface RealtimeClientConfig {
  key: string;
  cluster: string;
  /** Unset in embedded mode: the browser uses the page's own host name. */
  wsHost?: string;
  wsPort?: number;
  forceTLS: boolean;
}

export const EMBEDDED_APP_ID = "musbook";
export const EMBEDDED_KEY = "musbook-local";

export function realtimeServerConfig(): RealtimeServerConfig {
  const config = env();
  if (config.PUSHER_APP_ID && config.PUSHER_KEY && config.PUSHER_SECRET) {
    const useTLS = config.PUSHER_USE_TLS ? ["true", "1"].includes(config.PUSHER_USE_TLS) : true;
    return {
      mode: "hosted",
      appId: config.PUSHER_APP_ID,
      key: config.PUSHER_KEY,
      secret: config.PUSHER_SECRET,
      cluster: config.PUSHER_CLUSTER ?? "mt1",
      host: config.PUSHER_HOST,
      port: config.PUSHER_PORT,
      useTLS,
    };
  }
  return {
    mode: "embedded",
    appId: EMBEDDED_APP_ID,
    key: EMBEDDED_KEY,
    secret: persistentSecret(undefined, "realtime-secret"),
    cluster: "local",
    host: "127.0.0.1",
    port: config.REALTIME_PORT,
    useTLS: false,
  };
}

export function realtimeClientConfig(): RealtimeClientConfig {
  const server = realtimeServerConfig();
  if (server.mode === "embedded") return { key: server.key, cluster: server.cluster, wsPort: server.port, forceTLS: false };
  return { key: server.key, cluster: server.cluster, wsHost: server.host, wsPort: server.port, forceTLS: server.useTLS };
}
