import { db, type Transaction } from "./index";
import { isRetryableConflict } from "./errors";

export interface TransactionScope {
  tx: Transaction;
  afterCommit(task: () => Promise<unknown>): void;
}

/** Enough for twenty writers racing for one slot; each retry sees the winner's commit and answers with a clear conflict. */
export const TRANSACTION_ATTEMPTS = 5;

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));

/**
 * Runs `work` in a transaction. Postgres may abort one of two writers that wait on each other (a deadlock, e.g. two
 * inserts checking the lesson exclusion constraint against each other) or a serialization failure; the whole unit is
 * then run again, so callers see either success or their own domain answer, never the abort.
 * A rolled-back attempt runs none of the queued tasks, so nobody hears of a change that did not happen.
 */
export async function inTransaction<T>(work: (scope: TransactionScope) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const tasks: (() => Promise<unknown>)[] = [];
    let result: T;
    try {
      result = await db.transaction((tx) => work({ tx, afterCommit: (task) => tasks.push(task) }));
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableConflict(error)) throw error;
      await pause(attempt);
      continue;
    }
    for (const task of tasks) await task();
    return result;
  }
}
