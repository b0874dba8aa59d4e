/**
 * The hosted-mode run's processes, all on loopback (scripts/e2e-hosted.ts starts the services, the Playwright config
 * the app instances): A and B are long-running instances sharing one Postgres database; C is configured as on a
 * serverless host (Inngest keys set), so it may start nothing of its own.
 */
const base = Number(process.env.E2E_HOSTED_PORT ?? 3310);

export const PORTS = { a: base, b: base + 1, c: base + 2, realtime: base + 3, resend: base + 4, cRealtime: base + 5 } as const;

export const INSTANCE_A = `http://127.0.0.1:${PORTS.a}`;
export const INSTANCE_B = `http://127.0.0.1:${PORTS.b}`;
export const INSTANCE_C = `http://127.0.0.1:${PORTS.c}`;
export const RESEND_STAND_IN = `http://127.0.0.1:${PORTS.resend}`;

/** Each instance's data directory: a hosted instance must never create it. */
export const dataDirOf = (instance: "a" | "b" | "c") => `.data/hosted-${process.env.E2E_RUN_ID ?? "local"}-${instance}`;
