import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
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

  it("is taken over from a killed holder that its parent has not reaped yet (a zombie)", async () => {
    const { dir, lockPath } = dataDir();
    // A parent that never reaps: its child exits at once and stays a zombie while the parent sleeps. Perl, because
    // Debian always has it and its fork leaves reaping to the program; a shell may reap a background job on its own.
    const parent = spawn("perl", ["-e", 'my $pid = fork() // die; exit 0 unless $pid; $| = 1; print "$pid\\n"; sleep 60'], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    started.push(parent);
    const zombie = await new Promise<string>((resolve) => parent.stdout!.once("data", (chunk: Buffer) => resolve(chunk.toString().trim())));
    await vi.waitFor(() => expect(fs.readFileSync(`/proc/${zombie}/stat`, "utf8")).toMatch(/\) Z /), { timeout: 30_000, interval: 20 });
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
    "a server killed with SIGKILL is followed at once by the next start on the same data, ten times",
    // Each start is a whole Node process opening the database: generous limits, so a loaded machine is not a failure.
    { timeout: 600_000 },
    async () => {
      const { dir } = dataDir();
      // Opens the database the way the server does (lock, then PGlite), says so, and stays up until killed.
      const script = `const { lockDataDir, openPglite } = await import(${JSON.stringify(path.resolve("db/index.ts"))});
        lockDataDir(${JSON.stringify(dir)});
        const handle = openPglite(${JSON.stringify(dir)});
        await handle.db.execute("select 1");
        process.stdout.write("ready " + process.pid + "\\n");
        setInterval(() => {}, 1000);`;
      for (let start = 1; start <= 10; start++) {
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
          setTimeout(() => reject(new Error(`start ${start} did not come up: ${errors}`)), 120_000).unref();
        });
        process.kill(server, "SIGKILL");
      }
    },
  );
});
