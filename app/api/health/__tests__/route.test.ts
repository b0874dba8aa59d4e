import { describe, expect, it } from "vitest";
import { claimPeriodicRun } from "@/lib/jobs/lease";
import { dependencyStatuses } from "@/lib/deploy/health";
import { MINUTE } from "@/lib/time";
import { setupTestDatabase } from "@/tests/database";

const { GET } = await import("@/app/api/health/route");

setupTestDatabase();

describe("GET /api/health", () => {
  it("answers a liveness probe with the database reachable", async () => {
    const response = await GET(new Request("http://localhost/api/health"));
    expect(await response.json()).toEqual({ ok: true });
  });

  it("?deep=1 names each dependency's state in words, with 503 while the ticker has not run, and no secret", async () => {
    const response = await GET(new Request("http://localhost/api/health?deep=1"));
    expect(response.status).toBe(503);
    const body = (await response.json()) as { ok: boolean; dependencies: { name: string; ok: boolean; status: string }[] };
    expect(body.ok).toBe(false);
    expect(body.dependencies.map(({ name, ok }) => [name, ok])).toEqual([
      ["database", true],
      ["realtime", true],
      ["email", true],
      ["jobs", false],
    ]);
    expect(JSON.stringify(body)).not.toMatch(/secret|signkey|re_|password/i);
  });

  it("counts the ticker healthy while the reminder sweep runs, and stopped once it is three minutes late", async () => {
    const now = new Date();
    await claimPeriodicRun({ id: "sweep-reminders", everyMs: MINUTE }, now);
    const running = await dependencyStatuses(new Date(now.getTime() + 30_000));
    expect(running.find((dependency) => dependency.name === "jobs")).toMatchObject({
      ok: true,
      status: expect.stringContaining("30 s ago"),
    });
    const stopped = await dependencyStatuses(new Date(now.getTime() + 4 * MINUTE));
    expect(stopped.find((dependency) => dependency.name === "jobs")).toMatchObject({
      ok: false,
      status: expect.stringContaining("has stopped"),
    });
  });
});
