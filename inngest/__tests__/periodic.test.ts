import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { passwordResetTokens } from "@/db/schema";
import { periodicFunctions } from "@/inngest/functions/periodic";
import { setupTestDatabase } from "@/tests/database";
import { createUser } from "@/tests/factories";

setupTestDatabase();

describe("Inngest periodic functions", () => {
  it("prunes expired auth data in a step, calling the same domain function as the ticker", async () => {
    const user = await createUser();
    await db.insert(passwordResetTokens).values({
      userId: user.id,
      sessionVersion: user.sessionVersion,
      tokenHash: "stale",
      expiresAt: new Date(Date.now() - 3 * 86_400_000),
    });
    const prune = periodicFunctions.find((fn) => fn.id() === "prune-expired-auth-data");
    expect(prune).toBeDefined();
    // A fresh engine per run: a reused one replays the first run's result.
    const { result, error } = await new InngestTestEngine({ function: prune! }).execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ passwordResetTokens: 1 });
    expect(await db.select().from(passwordResetTokens)).toHaveLength(0);
  });

  it("emails missed messages in a step, calling the same domain function as the ticker", async () => {
    const job = periodicFunctions.find((fn) => fn.id() === "email-missed-messages");
    expect(job).toBeDefined();
    const { result, error } = await new InngestTestEngine({ function: job! }).execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ sent: 0 });
  });

  it("schedules every cron in UTC, so DST never skips or doubles a run", () => {
    for (const fn of periodicFunctions) {
      const config = fn["getConfig"]({ baseUrl: new URL("http://localhost/api/inngest"), appPrefix: "musbook" });
      expect(JSON.stringify(config)).toMatch(/"cron":"TZ=UTC /);
    }
  });
});
