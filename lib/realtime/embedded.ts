import { realtimeServerConfig } from "./config";
import { startProtocolServer, type ProtocolServer } from "./protocol-server";

const registry = globalThis as typeof globalThis & { __musbookRealtime?: Promise<ProtocolServer> };

/** Embedded mode: the local Pusher-protocol server, one per process, on REALTIME_PORT (all interfaces, for phones on the LAN). */
export async function startEmbeddedRealtime(): Promise<void> {
  const config = realtimeServerConfig();
  if (config.mode !== "embedded" || registry.__musbookRealtime) return;
  registry.__musbookRealtime = startProtocolServer({
    appId: config.appId,
    key: config.key,
    secret: config.secret,
    port: config.port,
    host: "0.0.0.0",
  });
  try {
    const server = await registry.__musbookRealtime;
    console.info(`[musbook] Realtime server listening on port ${server.port}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    console.error(`[musbook] Realtime port ${config.port} is in use (is another MusBook running?). Stop it or set REALTIME_PORT.`);
    process.exit(1);
  }
}
