import { db, type Transaction } from "./index";

export interface TransactionScope {
  tx: Transaction;
  afterCommit(task: () => Promise<unknown>): void;
}

/** A rolled-back transaction runs none of the queued tasks, so nobody hears of a change that did not happen. */
export async function inTransaction<T>(work: (scope: TransactionScope) => Promise<T>): Promise<T> {
  const tasks: (() => Promise<unknown>)[] = [];
  const result = await db.transaction((tx) => work({ tx, afterCommit: (task) => tasks.push(task) }));
  for (const task of tasks) await task();
  return result;
}
