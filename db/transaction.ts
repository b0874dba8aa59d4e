import { db, type Transaction } from "./index";

/** A transaction plus a queue of work that must only happen once it has committed (publishing, events). */
export interface TransactionScope {
  tx: Transaction;
  afterCommit(task: () => Promise<unknown>): void;
}

/**
 * Runs `work` in one transaction, then the tasks it queued with `afterCommit`, in order. A rolled-back
 * transaction runs none of them, so nobody is told about a change that did not happen. Queued tasks
 * are best effort by contract (publish and emit never throw).
 */
export async function inTransaction<T>(work: (scope: TransactionScope) => Promise<T>): Promise<T> {
  const tasks: (() => Promise<unknown>)[] = [];
  const result = await db.transaction((tx) => work({ tx, afterCommit: (task) => tasks.push(task) }));
  for (const task of tasks) await task();
  return result;
}
