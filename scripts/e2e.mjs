#!/usr/bin/env node
// Runs the Playwright suite against a production build on a fresh embedded database.
// Finds a browser first: CHROMIUM_PATH, then Debian's Chromium, then one installed by Playwright;
// as root on Debian it installs the `chromium` package itself, elsewhere it says how to.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

function playwrightChromium() {
  try {
    const output = execFileSync(process.execPath, ["-e", "console.log(require('playwright-core').chromium.executablePath())"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return output && fs.existsSync(output) ? output : undefined;
  } catch {
    return undefined;
  }
}

function findBrowser() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (fs.existsSync(configured)) return configured;
    console.error(`CHROMIUM_PATH=${configured} does not exist.`);
    process.exit(1);
  }
  if (fs.existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return playwrightChromium();
}

function installDebianChromium() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !fs.existsSync("/etc/debian_version")) return false;
  console.info("No browser found: installing Debian's chromium package…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update"], { stdio: "inherit", env });
  const install = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
  return update.status === 0 && install.status === 0 && fs.existsSync(DEBIAN_CHROMIUM);
}

let browser = findBrowser();
if (!browser && installDebianChromium()) browser = DEBIAN_CHROMIUM;
if (!browser) {
  console.error(
    "No Chromium found for the end-to-end tests. Install one with:\n" +
      "  sudo apt-get install -y chromium      (Debian/Ubuntu)\n" +
      "or set CHROMIUM_PATH to a Chromium or Chrome binary.",
  );
  process.exit(1);
}

const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } }).status ?? 1;

if (process.env.E2E_SKIP_BUILD !== "1") {
  // A build needs no database: given a data directory of its own, it must leave it uncreated.
  const buildDataDir = path.resolve(".data", `build-${Date.now()}`);
  const built = run("npx", ["next", "build"], { DATA_DIR: buildDataDir });
  if (built !== 0) process.exit(built);
  if (fs.existsSync(buildDataDir)) {
    console.error(`next build opened a database (it created ${buildDataDir}); a build must touch none.`);
    fs.rmSync(buildDataDir, { recursive: true, force: true });
    fs.rmSync(`${buildDataDir}.lock`, { force: true });
    process.exit(1);
  }
}

const runId = `${Date.now()}`;
const dataDir = path.resolve(".data", `e2e-${runId}`);
const status = run("npx", ["playwright", "test", ...process.argv.slice(2)], { CHROMIUM_PATH: browser, E2E_RUN_ID: runId });
fs.rmSync(dataDir, { recursive: true, force: true });
fs.rmSync(`${dataDir}.lock`, { force: true });
process.exit(status);
