import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

export interface AppServer {
  origin: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

export async function startApp(port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<AppServer> {
  const origin = `http://127.0.0.1:${port}`;
  // The server's database is the one `env` names, never one the bench's own environment holds (`--postgres` sets
  // DATABASE_URL, while the messaging rows run on a database of their own).
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  delete inherited.DATA_DIR;
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, path.resolve("node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      env: {
        ...inherited,
        ...env,
        NODE_ENV: "production",
        BENCH: "1",
        NEXT_TELEMETRY_DISABLED: "1",
        APP_URL: origin,
        AUTH_URL: origin,
        REALTIME_PORT: String(port + 1),
        SEED_DEMO: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // The server must not outlive the bench, however the bench ends.
  const killServer = () => child.kill("SIGKILL");
  process.once("exit", killServer);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => process.exit(130));
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  if (Date.now() >= deadline) throw new Error(`next start did not become healthy:\n${output}`);
  return {
    origin,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      process.off("exit", killServer);
    },
  };
}

/** A fresh connection: the server may have closed a pooled keep-alive socket while it sat idle. */
export function get(url: string, cookie?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, headers: cookie ? { cookie } : {} }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", reject);
  });
}

export const statementsSoFar = async (origin: string) =>
  (JSON.parse((await get(`${origin}/api/bench/statements`)).body) as { statements: number }).statements;

const setCookies = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);

/** A server action's id in the production build, by the file and name it is exported as. */
export function serverActionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, action]) => action.filename === filename && action.exportedName === exportedName);
  if (!entry) throw new Error(`The build has no ${exportedName} in ${filename} (an action is built only when a page uses it).`);
  return entry[0];
}

/** Through the sign-in form's server action, since Auth.js's own credentials endpoint is closed. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const body = new FormData();
  body.set("_1_email", email);
  body.set("_1_password", password);
  body.set("0", JSON.stringify([null, "$K1"]));
  const response = await fetch(`${origin}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "next-action": serverActionId("app/(auth)/sign-in/actions.ts", "signInAction") },
    body,
  });
  await response.arrayBuffer();
  const session = setCookies(response).find((cookie) => cookie.startsWith("authjs.session-token="));
  if (!session) throw new Error(`Sign-in as ${email} failed (HTTP ${response.status}).`);
  const check = await get(`${origin}/dashboard`, session);
  if (check.status !== 200) throw new Error(`Signed in, but /dashboard answered ${check.status}.`);
  return session;
}

export async function statementsPerRequest(origin: string, path: string, cookie: string, requests: number): Promise<number> {
  const before = await statementsSoFar(origin);
  for (let index = 0; index < requests; index++) {
    const response = await get(`${origin}${path}`, cookie);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  }
  return ((await statementsSoFar(origin)) - before) / requests;
}

/**
 * What a server-rendered page weighs: its markup, and React's payload for the same tree (the inline
 * `self.__next_f.push` scripts the browser hydrates from). The server's time per page grows with both.
 */
export function pageWeight(html: string): { markupBytes: number; payloadBytes: number } {
  let scriptBytes = 0;
  let payloadBytes = 0;
  for (const [script, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    scriptBytes += Buffer.byteLength(script);
    if (body!.startsWith("self.__next_f.push(")) payloadBytes += Buffer.byteLength(body!);
  }
  return { markupBytes: Buffer.byteLength(html) - scriptBytes, payloadBytes };
}
