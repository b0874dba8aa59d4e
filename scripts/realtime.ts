// `npm run realtime`: the project's Pusher-protocol server as a process of its own, for self-hosting without a Pusher
// account. Several app instances publish to it (PUSHER_HOST, PUSHER_PORT, PUSHER_USE_TLS=false, or TLS at a reverse
// proxy in front) and browsers connect to it, like Soketi. Configured from the environment:
//   PUSHER_APP_ID, PUSHER_KEY, PUSHER_SECRET   the app's credentials, the same the app instances use (required)
//   REALTIME_PORT                              the port it listens on (6001)
//   REALTIME_HOST                              the interface (0.0.0.0)
//   REALTIME_ALLOWED_ORIGINS                   the pages that may connect, comma-separated (https://musbook.example)
import { z } from "zod";
import { startProtocolServer } from "../lib/realtime/protocol-server";

const isOrigin = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol) && new URL(value).origin === value;
const origin = z.string().refine(isOrigin, "must be origins: scheme, host and optional port (https://musbook.example)");

const schema = z.object({
  PUSHER_APP_ID: z.string().min(1, "is required"),
  PUSHER_KEY: z.string().min(1, "is required"),
  PUSHER_SECRET: z.string().min(16, "must be at least 16 characters"),
  REALTIME_PORT: z.coerce.number().int().min(0).max(65535).default(6001),
  REALTIME_HOST: z.string().min(1).default("0.0.0.0"),
  REALTIME_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((value) =>
      value
        ?.split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(z.array(origin).min(1, "must name at least one origin").optional()),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`[realtime] ${issue.path.join(".")} ${issue.message}`);
  process.exit(1);
}
const config = parsed.data;
if (!config.REALTIME_ALLOWED_ORIGINS) {
  console.warn("[realtime] REALTIME_ALLOWED_ORIGINS is not set: pages from any origin may connect.");
}

const server = await startProtocolServer({
  appId: config.PUSHER_APP_ID,
  key: config.PUSHER_KEY,
  secret: config.PUSHER_SECRET,
  port: config.REALTIME_PORT,
  host: config.REALTIME_HOST,
  allowedOrigins: config.REALTIME_ALLOWED_ORIGINS,
}).catch((error: NodeJS.ErrnoException) => {
  console.error(`[realtime] cannot listen on ${config.REALTIME_HOST}:${config.REALTIME_PORT}: ${error.code ?? error.message}`);
  process.exit(1);
});
console.info(`[realtime] listening on ${config.REALTIME_HOST}:${server.port} for app ${config.PUSHER_APP_ID}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
