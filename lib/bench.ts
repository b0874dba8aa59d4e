/** With BENCH unset (every real deployment) the reference page answers 404 and nothing is counted. */
export const isBenchRun = () => process.env.BENCH === "1";

const counter = globalThis as typeof globalThis & { __musbookStatementCount?: number };

export function countStatement(): void {
  counter.__musbookStatementCount = (counter.__musbookStatementCount ?? 0) + 1;
}

export const statementCount = () => counter.__musbookStatementCount ?? 0;
