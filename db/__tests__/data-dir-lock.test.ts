import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataDir } from "@/db";

const started: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of started.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dataDir() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "musbook-lock-"));
  dirs.push(root);
  return { dir: path.join(root, "pglite"), lockPath: path.join(root, "pglite.lock") };
}

const startTimeOf = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]!;
};

function sleeper(): number {
  const child = spawn("sleep", ["60"], { stdio: "ignore" });
  started.push(child);
  return child.pid!;
}

describe.runIf(process.platform === "linux")("the embedded database's lock", () => {
  it("is refused while its holder runs, naming the holder and the lock file", () => {
    const { dir, lockPath } = dataDir();
    const pid = sleeper();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(lockPath, JSON.stringify({ pid, startedAt: startTimeOf(pid) }));
    expect(() => lockDataDir(dir)).toThrow(`in use by process ${pid}`);
    expect(() => lockDataDir(dir)).toThrow(lockPath);
  });

  it("is taken over from a killed holder that its parent has not reaped yet (a zombie)", () => {
    const { dir, lockPath } = dataDir();
    // `sleep 0` exits at once; its parent has become `sleep 60`, which never reaps it.
    const shell = spawn("sh", ["-c", "sleep 0 & echo $!; exec sleep 60"], { stdio: ["ignore", "pipe", "ignore"] });
    started.push(shell);
    const zombie = spawnSync("sh", ["-c", `sleep 0.3; cat /proc/${shell.pid}/task/${shell.pid}/children`])
      .stdout.toString()
      .trim();
    expect(fs.readFileSync(`/proc/${zombie}/stat`, "utf8")).toMatch(/\) Z /);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(lockPath, zombie);
    expect(() => lockDataDir(dir)).not.toThrow();
    expect(JSON.parse(fs.readFileSync(lockPath, "utf8"))).toMatchObject({ pid: process.pid });
  });

  it("is taken over when its pid now belongs to another process, started later", () => {
    const { dir, lockPath } = dataDir();
    const pid = sleeper();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(lockPath, JSON.stringify({ pid, startedAt: String(Number(startTimeOf(pid)) - 1) }));
    expect(() => lockDataDir(dir)).not.toThrow();
  });

  it(
    "a server killed with SIGKILL is followed at once by the next start on the same data, twenty times",
    { timeout: 300_000 },
    async () => {
      const { dir } = dataDir();
      // Opens the database the way the server does (lock, then PGlite), says so, and stays up until killed.
      const script = `const { lockDataDir, openPglite } = await import(${JSON.stringify(path.resolve("db/index.ts"))});
        lockDataDir(${JSON.stringify(dir)});
        const handle = openPglite(${JSON.stringify(dir)});
        await handle.db.execute("select 1");
        process.stdout.write("ready " + process.pid + "\\n");
        setInterval(() => {}, 1000);`;
      for (let start = 1; start <= 20; start++) {
        // The server's parent does not reap it when it dies (as a supervisor that is busy, or gone, may not): the
        // killed server stays a zombie, which the old check took for a live holder.
        const parent = spawn(
          "sh",
          ["-c", '"$0" "$@" & exec sleep 600', process.execPath, "--import", "tsx", "--input-type=module", "-e", script],
          { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NODE_OPTIONS: "" } },
        );
        started.push(parent);
        let errors = "";
        parent.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
        const server = await new Promise<number>((resolve, reject) => {
          parent.stdout!.on("data", (chunk: Buffer) => {
            const ready = /ready (\d+)/.exec(chunk.toString());
            if (ready) resolve(Number(ready[1]));
          });
          setTimeout(() => reject(new Error(`start ${start} did not come up: ${errors}`)), 60_000).unref();
        });
        process.kill(server, "SIGKILL");
      }
    },
  );
});
