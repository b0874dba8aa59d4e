import fc from "fast-check";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db";
import { settleBackgroundWork } from "@/lib/background";

// Shared by the fuzz suites (T28): arbitrary inputs for the domain actions, hostile and sensible mixed.

/** What people and attackers type: scripts and directions, injections, impossible dates and zones, and 1 MB of text. */
export const hostileText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "'; drop table assignments; --",
    '{"$gt": ""}',
    "\u202Egnp.exe",
    "مرحبا بالعالم",
    "🎻👩‍🎤🏳️‍🌈",
    '=HYPERLINK("http://evil")',
    "-1",
    "0",
    "1e309",
    "NaN",
    "1900-01-01",
    "3000-12-31",
    "2026-02-30",
    "2026-13-01",
    "24:00",
    "Europe/Atlantis",
    "__proto__",
    "constructor",
    "00000000-0000-0000-0000-000000000000",
    "x".repeat(1_100_000),
  ),
);

/** Any value in any field: wrong types, arrays for scalars, nulls, nested objects. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileText, { maxKeys: 3 }),
);

/** The action's own fields, each either a sensible value or a hostile one, plus keys it does not know. */
export function inputFor(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const record = fc.record(
    Object.fromEntries(
      Object.entries(fields).map(([key, sensible]) => [
        key,
        fc.oneof({ arbitrary: sensible, weight: 4 }, { arbitrary: hostileValue, weight: 1 }),
      ]),
    ),
  );
  return fc.oneof(
    { arbitrary: record, weight: 4 },
    // Own `__proto__` and `constructor` keys, as a JSON body would carry them.
    {
      arbitrary: record.map((values) =>
        Object.assign(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'), values),
      ),
      weight: 1,
    },
    { arbitrary: fc.anything(), weight: 1 },
  );
}

type Action<A> = (actor: A, input: unknown) => Promise<{ ok: boolean; error?: string }>;
/** One action to fuzz: its name, who calls it, the call, and its inputs. */
export type FuzzCase<A> = [name: string, actor: A, action: Action<A>, input: fc.Arbitrary<unknown>];

/**
 * Runs each action on its generated inputs, in order: every answer is a result (never an exception), every refusal
 * carries a message and leaves `fingerprint` (the tables the actions write) as it was, and nothing pollutes
 * Object.prototype. Sensible values are mixed in, so the runs reach the writes as well as the refusals.
 */
export async function fuzzActions<A>(cases: FuzzCase<A>[], fingerprint: () => Promise<string>, runs: number): Promise<void> {
  const outcomes = { accepted: 0, refused: 0 };
  for (const [name, actor, action, input] of cases) {
    await fc.assert(
      fc.asyncProperty(input, async (raw) => {
        const before = await fingerprint();
        const result = await action(actor, raw);
        expect(typeof result.ok, name).toBe("boolean");
        outcomes[result.ok ? "accepted" : "refused"]++;
        if (!result.ok) {
          expect(result.error, name).toMatch(/\w/);
          expect(await fingerprint(), `${name} refused but wrote`).toBe(before);
        }
        expect(({} as Record<string, unknown>).polluted, name).toBeUndefined();
      }),
      { numRuns: runs },
    );
  }
  console.info(outcomes);
  expect(outcomes.accepted).toBeGreaterThan(0);
  expect(outcomes.refused).toBeGreaterThan(0);
}

/**
 * Every row of `tables`, hashed, once the background work (notices, emails) has settled: what a refused action must
 * leave as it was.
 */
export function tablesFingerprint(tables: string[]): () => Promise<string> {
  const hashes = sql.join(
    tables.map((table) => sql`(select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) from ${sql.identifier(table)} t)`),
    sql`, `,
  );
  return async () => {
    await settleBackgroundWork();
    return JSON.stringify(((await db.execute(sql`select ${hashes}`)) as { rows: unknown[] }).rows);
  };
}
