import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * A secret from the environment, or in embedded mode one generated once into DATA_DIR so that
 * sessions survive restarts without any configuration. (Hosted mode requires the variable: see env.ts.)
 */
export function persistentSecret(
  variable: string | undefined,
  fileName: string,
  generate: () => string = () => randomBytes(32).toString("base64url"),
): string {
  if (variable) return variable;
  const file = path.join(env().dataDir, fileName);
  // Written once and never changed, so read once: the realtime secret is asked for on every signed-in page.
  let secret = secretsByFile.get(file);
  if (secret === undefined) {
    secret = readOrCreate(file, generate);
    secretsByFile.set(file, secret);
  }
  return secret;
}

const secretsByFile = new Map<string, string>();

function readOrCreate(file: string, generate: () => string): string {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = generate();
  try {
    fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
    return secret;
  } catch {
    return fs.readFileSync(file, "utf8").trim(); // another bundle of this process wrote it first
  }
}

let cachedAuthSecret: string | undefined;

/** Read once per process: every signed-in request needs it. */
export function authSecret(): string {
  cachedAuthSecret ??= persistentSecret(env().AUTH_SECRET, "auth-secret");
  return cachedAuthSecret;
}
