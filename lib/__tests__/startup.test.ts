import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function startWith(env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", "-e", "import('./lib/startup.ts').then((m) => m.startServer())"], {
    cwd: root,
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATA_DIR: path.join(root, ".data", "startup-test"),
      ...env,
    },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("start-up with bad configuration", () => {
  it("stops with one line naming a malformed DATABASE_URL", () => {
    const result = startWith({ DATABASE_URL: "mysql://localhost/musbook" });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual(["[musbook] Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// URL with a host"]);
  });

  it("stops with one line naming a missing AUTH_SECRET in hosted mode", () => {
    const result = startWith({ DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe("[musbook] Invalid configuration: AUTH_SECRET is required when DATABASE_URL is set");
  });
});
