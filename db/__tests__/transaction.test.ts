import { describe, expect, it } from "vitest";
import { PG_DEADLOCK_DETECTED, PG_SERIALIZATION_FAILURE, PG_UNIQUE_VIOLATION } from "@/db/errors";
import { inTransaction, TRANSACTION_ATTEMPTS } from "@/db/transaction";
import { setupTestDatabase } from "@/tests/database";

setupTestDatabase();

const databaseError = (code: string) => Object.assign(new Error(`database said ${code}`), { code });
const wrapped = (code: string) => Object.assign(new Error("Failed query"), { cause: databaseError(code) });

describe("inTransaction", () => {
  it.each([PG_DEADLOCK_DETECTED, PG_SERIALIZATION_FAILURE])("runs the unit again after Postgres aborts it with %s", async (code) => {
    const ranAfterCommit: number[] = [];
    let attempts = 0;
    const result = await inTransaction(async ({ afterCommit }) => {
      attempts += 1;
      const attempt = attempts;
      afterCommit(async () => ranAfterCommit.push(attempt));
      if (attempt < 3) throw wrapped(code);
      return "booked";
    });
    expect(result).toBe("booked");
    expect(attempts).toBe(3);
    expect(ranAfterCommit).toEqual([3]);
  });

  it("gives up after a bounded number of attempts and passes the abort on", async () => {
    let attempts = 0;
    const failing = inTransaction(async () => {
      attempts += 1;
      throw wrapped(PG_DEADLOCK_DETECTED);
    });
    await expect(failing).rejects.toThrow("Failed query");
    expect(attempts).toBe(TRANSACTION_ATTEMPTS);
  });

  it("does not repeat a unit that failed for its own reasons", async () => {
    let attempts = 0;
    const failing = inTransaction(async () => {
      attempts += 1;
      throw wrapped(PG_UNIQUE_VIOLATION);
    });
    await expect(failing).rejects.toThrow("Failed query");
    expect(attempts).toBe(1);
  });

  it("never repeats work that already committed, even when a follow-up fails", async () => {
    let attempts = 0;
    const failing = inTransaction(async ({ afterCommit }) => {
      attempts += 1;
      afterCommit(async () => {
        throw databaseError(PG_DEADLOCK_DETECTED);
      });
    });
    await expect(failing).rejects.toThrow();
    expect(attempts).toBe(1);
  });
});
