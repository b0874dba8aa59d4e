import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { env } from "@/lib/env";
import { persistentSecret } from "@/lib/secrets";

const written: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const file of written.splice(0)) fs.rmSync(file, { force: true });
});

it("generates an unset secret once into the data directory and reads it from disk once per process", () => {
  const name = `secret-${randomUUID()}`;
  const file = path.join(env().dataDir, name);
  written.push(file);
  const secret = persistentSecret(undefined, name);
  expect(secret).toMatch(/^[\w-]{43}$/);
  expect(fs.readFileSync(file, "utf8")).toBe(secret);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);

  const reads = vi.spyOn(fs, "readFileSync");
  expect(persistentSecret(undefined, name)).toBe(secret);
  expect(reads).not.toHaveBeenCalled();
});

it("prefers the environment's value and writes nothing for it", () => {
  const name = `secret-${randomUUID()}`;
  expect(persistentSecret("from-the-environment", name)).toBe("from-the-environment");
  expect(fs.existsSync(path.join(env().dataDir, name))).toBe(false);
});
