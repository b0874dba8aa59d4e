import { defineConfig, devices } from "@playwright/test";
import { dataDirOf, INSTANCE_A, PORTS } from "./e2e/hosted/instances";
import base from "./playwright.config";

// Started by scripts/e2e-hosted.ts (`npm run test:hosted`), which creates the database, starts the realtime server
// and the Resend stand-in, and puts the hosted-mode variables in this process's environment for the instances.
const instance = (name: "a" | "b" | "c", port: number, env: Record<string, string> = {}) => ({
  command: `npx next start -p ${port} -H 127.0.0.1`,
  url: `http://127.0.0.1:${port}/api/health`,
  timeout: 180_000,
  reuseExistingServer: false,
  stdout: "pipe" as const,
  env: { DATA_DIR: dataDirOf(name), NEXT_TELEMETRY_DISABLED: "1", ...env },
});

export default defineConfig({
  ...base,
  testDir: "e2e/hosted",
  testIgnore: [],
  use: { ...base.use, baseURL: INSTANCE_A },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions: base.projects![0]!.use!.launchOptions },
    },
  ],
  webServer: [
    instance("a", PORTS.a),
    instance("b", PORTS.b),
    // As on a serverless host: Inngest runs the jobs, so this instance starts no ticker (and, hosted, no realtime server).
    instance("c", PORTS.c, {
      INNGEST_EVENT_KEY: "hosted-ci-event-key",
      INNGEST_SIGNING_KEY: "signkey-prod-0123456789abcdef0123456789abcdef",
      REALTIME_PORT: String(PORTS.cRealtime),
      DATABASE_POOL_MAX: "2",
    }),
  ],
});
