/**
 * Switches for `npm run bench` only. With BENCH unset (every real deployment) the reference page
 * answers 404 and no statement is counted.
 */
export const isBenchRun = () => process.env.BENCH === "1";

const counter = globalThis as typeof globalThis & { __musbookStatementCount?: number };

/** Called by the database client's logger (installed only in bench runs) for every statement it sends. */
export function countStatement(): void {
  counter.__musbookStatementCount = (counter.__musbookStatementCount ?? 0) + 1;
}

/** Statements sent since the process started; the bench reads it before and after a batch of requests. */
export const statementCount = () => counter.__musbookStatementCount ?? 0;
