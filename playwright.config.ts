import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
// A fresh embedded database per run, without the demo studio: each test makes the accounts it uses.
const dataDir = path.resolve(".data", `e2e-${process.env.E2E_RUN_ID ?? "local"}`);

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH || undefined,
  // Debian's Chromium, headless, on a machine whose outside network is closed.
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

// The phone project runs the specs whose pages differ on a phone: the menu, the week list and month of dots, the
// dashboard, messaging, assignments, notifications, the installable app and every page's fit at 390 px. The rest
// (accounts, sessions, headers, forms' rules) is the same server answering the same requests, so it runs on desktop.
const PHONE_SPECS = [
  "assignments",
  "calendar-phone",
  "dashboard",
  "every-page",
  "landing",
  "messaging",
  "notifications",
  "pwa",
  "scheduling",
  "sign-in",
].map((name) => `${name}.spec.ts`);

export default defineConfig({
  testDir: "e2e",
  // The hosted-mode run has its own config and processes (playwright.hosted.config.ts).
  testIgnore: "hosted/**",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  // Limits, not waits: generous enough for a machine busy with other builds, since every test signs up its own accounts.
  timeout: 300_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    timezoneId: "Europe/London",
    locale: "en-GB",
    screenshot: "only-on-failure",
    // A trace records every step's snapshots and screenshots, which costs the browser more CPU than the pages do; CI
    // keeps only its log, so it records none.
    trace: process.env.CI ? "off" : "retain-on-failure",
  },
  projects: [
    {
      name: "desktop",
      testIgnore: ["hosted/**", "calendar-phone.spec.ts"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions },
    },
    { name: "phone", testMatch: PHONE_SPECS, use: { ...devices["Pixel 7"], launchOptions } },
  ],
  webServer: {
    command: `npx next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATA_DIR: dataDir,
      SEED_DEMO: "0",
      REALTIME_PORT: String(port + 1),
      APP_URL: baseURL,
      NEXT_TELEMETRY_DISABLED: "1",
      // The test-only reminder clock (lib/reminders/test-clock.ts).
      E2E_HOOKS: "1",
    },
  },
});
