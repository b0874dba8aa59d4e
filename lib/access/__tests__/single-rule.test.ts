import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const SCANNED = ["lib", "app", "components"];
const ACCESS = path.join("lib", "access");

/**
 * Ways of restating "the connection is accepted" in a read: a Drizzle comparison on
 * `connections.status`, the same in SQL text, or a check on a row's status. Writes that make a
 * connection accepted (`status: "accepted"`) are not restatements of the rule and are not matched.
 */
const RESTATEMENTS = [
  /connections\.status\b[^;]{0,80}?["'`]accepted["'`]/,
  /["'`]accepted["'`][^;]{0,40}?connections\.status\b/,
  /\bstatus\s*(?:=|<>|!=|in\s*\()\s*'accepted'/i,
  /\.status\s*[!=]==?\s*["'`]accepted["'`]/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "__tests__" || entry.name === "node_modules" ? [] : sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const restates = (source: string) => RESTATEMENTS.some((pattern) => pattern.test(source));

describe("the accepted-connection rule", () => {
  it("is recognised in each form it has been restated in", () => {
    expect(restates(`.innerJoin(connections, and(eq(connections.id, lessons.connectionId), eq(connections.status, "accepted")))`)).toBe(
      true,
    );
    expect(restates(`.where(and(mine, eq(\n  connections.status,\n  "accepted"\n)))`)).toBe(true);
    expect(restates("sql`${connections.status} = 'accepted'`")).toBe(true);
    expect(restates(`if (connection.status !== "accepted") return null;`)).toBe(true);
    expect(restates(`{ studentId: actor.id, status: "accepted" as const, respondedAt: now }`)).toBe(false);
  });

  it("is stated only in lib/access", () => {
    const offenders = SCANNED.flatMap(sourceFiles)
      .filter((file) => !file.startsWith(ACCESS + path.sep))
      .filter((file) => restates(readFileSync(path.join(ROOT, file), "utf8")));
    expect(offenders, "build these reads from the scopes in lib/access instead").toEqual([]);
  });
});
