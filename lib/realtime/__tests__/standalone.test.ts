import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import Pusher from "pusher";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) child.kill("SIGKILL");
});

const credentials = { PUSHER_APP_ID: "studio", PUSHER_KEY: "studio-key", PUSHER_SECRET: "a-secret-of-sixteen-plus" };

/** `npm run realtime`'s script with this environment; resolves with its port once it listens, or its output if it exits. */
function startStandalone(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/realtime.ts")], {
    env: { PATH: process.env.PATH ?? "", ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  const listening = new Promise<number>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on [^:]+:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, listening, exited, output: () => output };
}

/** The first frame the server sends a socket opened from `origin`. */
function firstFrame(port: number, origin: string) {
  return new Promise<{ event: string; data: string }>((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/app/${credentials.PUSHER_KEY}?protocol=7`, { origin });
    socket.once("message", (raw) => {
      resolve(JSON.parse(raw.toString()) as { event: string; data: string });
      socket.close();
    });
    socket.once("error", reject);
  });
}

describe("npm run realtime", () => {
  it("serves browsers from the allowed origins only, takes the apps' publishes, and stops cleanly", { timeout: 60_000 }, async () => {
    const server = startStandalone({
      ...credentials,
      REALTIME_PORT: "0",
      REALTIME_HOST: "127.0.0.1",
      REALTIME_ALLOWED_ORIGINS: "https://musbook.example, https://studio.example",
    });
    const port = await server.listening;
    expect((await firstFrame(port, "https://studio.example")).event).toBe("pusher:connection_established");
    const refused = await firstFrame(port, "https://evil.example");
    expect(refused.event).toBe("pusher:error");
    expect(JSON.parse(refused.data)).toMatchObject({ code: 4009 });

    const app = new Pusher({
      appId: credentials.PUSHER_APP_ID,
      ...{ key: credentials.PUSHER_KEY, secret: credentials.PUSHER_SECRET },
      host: "127.0.0.1",
      port: String(port),
      useTLS: false,
    });
    expect((await app.trigger("private-user-1", "notification.created", { id: 1 })).status).toBe(200);
    const forger = new Pusher({
      appId: credentials.PUSHER_APP_ID,
      key: credentials.PUSHER_KEY,
      secret: "not-the-secret-at-all",
      host: "127.0.0.1",
      port: String(port),
      useTLS: false,
    });
    await expect(forger.trigger("private-user-1", "notification.created", { id: 2 })).rejects.toMatchObject({ status: 401 });

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });

  it("refuses to start without its credentials, saying which are missing or malformed", { timeout: 60_000 }, async () => {
    const server = startStandalone({ PUSHER_APP_ID: "studio", PUSHER_SECRET: "short", REALTIME_ALLOWED_ORIGINS: "musbook.example" });
    await expect(server.listening).rejects.toThrow(/exited with 1/);
    expect(server.output()).toContain("PUSHER_KEY");
    expect(server.output()).toContain("PUSHER_SECRET must be at least 16 characters");
    expect(server.output()).toContain("REALTIME_ALLOWED_ORIGINS");
  });
});
