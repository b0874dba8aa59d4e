import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { User } from "@/db/schema";
import { parseStatisticsPeriod, STATISTICS_PERIODS } from "@/lib/dashboard/statistics";
import { exportQuerySchema, MAX_EXPORT_DAYS } from "@/lib/exports/schemas";
import { teacherCsv } from "@/lib/exports/teacher";
import {
  completeAssignment,
  createAssignment,
  deleteAssignment,
  deletePractice,
  logPractice,
  reopenAssignment,
  setPracticeGoal,
  uncompleteAssignment,
  updateAssignment,
  updatePractice,
} from "@/lib/practice";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair } from "@/tests/factories";
import { fuzzActions, type FuzzCase, hostileValue, inputFor, tablesFingerprint } from "@/tests/fuzz";

vi.mock("@/lib/realtime", () => ({ publish: async () => true, presenceMembers: async () => new Set() }));

setupTestDatabase();

const NOW = new Date("2026-11-30T12:00:00Z");
const RUNS = 40;

/** The tables these actions write, so a refused call can be shown to have written nothing. */
const fingerprint = tablesFingerprint(["assignments", "practice_entries", "connections", "notifications", "statistics_versions"]);

async function studio() {
  const { teacher, student, connection } = await createConnectedPair();
  const created = await createAssignment(teacher, { connectionId: connection.id, title: "Scales", dueDate: "2026-12-04" });
  const logged = await logPractice(student, { connectionId: connection.id, practicedOn: "2026-11-29", minutes: 20 }, NOW);
  if (!created.ok || !logged.ok) throw new Error("The fuzzing studio could not be set up.");
  return { teacher, student, connectionId: connection.id, assignmentId: created.data.assignment.id, entryId: logged.data.entry.id };
}

describe("assignment, practice and export inputs under fuzzing", () => {
  it(
    "answer any input with a result and a message, never an exception, and write nothing when they refuse",
    { timeout: 300_000 },
    async () => {
      const { teacher, student, connectionId, assignmentId, entryId } = await studio();
      const ids = (own: string) =>
        fc.oneof({ arbitrary: fc.constant(own), weight: 4 }, fc.constantFrom(connectionId, assignmentId, entryId, "not-an-id"));
      const date = fc.oneof(
        { arbitrary: fc.constantFrom("2026-11-28", "2026-11-29"), weight: 4 },
        fc.constantFrom("1900-01-01", "3000-12-31", "2026-02-30", "2026-12-24"),
      );
      const assignmentFields = {
        connectionId: ids(connectionId),
        title: fc.constantFrom("Scales", "Bach prelude"),
        instructions: fc.constantFrom("Slowly. https://example.com/a", null),
        dueDate: date,
        dueTime: fc.oneof({ arbitrary: fc.constantFrom("17:30", "23:59"), weight: 4 }, fc.constant("7pm")),
        lessonId: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, ids(connectionId)),
      };
      const practiceFields = {
        practicedOn: date,
        minutes: fc.oneof(fc.integer({ min: -10, max: 2000 }), fc.constantFrom("30", "0", "-5", "1.5")),
        assignmentId: fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, ids(assignmentId)),
        note: fc.constantFrom("Good", null),
      };
      const cases: FuzzCase<User>[] = [
        ["create assignment", teacher, createAssignment, inputFor(assignmentFields)],
        ["update assignment", teacher, updateAssignment, inputFor({ ...assignmentFields, assignmentId: ids(assignmentId) })],
        [
          "complete assignment",
          student,
          completeAssignment,
          inputFor({ assignmentId: ids(assignmentId), note: fc.constantFrom("Done", null) }),
        ],
        ["undo completion", student, uncompleteAssignment, inputFor({ assignmentId: ids(assignmentId) })],
        [
          "reopen assignment",
          teacher,
          reopenAssignment,
          inputFor({ assignmentId: ids(assignmentId), comment: fc.constantFrom("Again", null) }),
        ],
        [
          "log practice",
          student,
          (actor, input) => logPractice(actor, input, NOW),
          inputFor({ ...practiceFields, connectionId: ids(connectionId) }),
        ],
        [
          "edit practice",
          student,
          (actor, input) => updatePractice(actor, input, NOW),
          inputFor({ ...practiceFields, entryId: ids(entryId) }),
        ],
        [
          "set a practice goal",
          teacher,
          setPracticeGoal,
          inputFor({ connectionId: ids(connectionId), minutes: fc.oneof(fc.integer({ min: -10, max: 10_000 }), fc.constant("")) }),
        ],
        // Last: once these succeed, the actions above could only answer "not found".
        ["delete practice", student, deletePractice, inputFor({ entryId: ids(entryId) })],
        ["delete assignment", teacher, deleteAssignment, inputFor({ assignmentId: ids(assignmentId) })],
      ];
      await fuzzActions(cases, fingerprint, RUNS);
    },
  );

  it("read any export query as a bounded date range or a message", async () => {
    const { teacher } = await studio();
    const query = inputFor({
      kind: fc.constantFrom("lessons", "assignments", "practice", "everything"),
      from: fc.constantFrom("2026-01-01", "1900-01-01", "2026-02-30"),
      to: fc.constantFrom("2026-12-31", "3000-12-31", "2025-01-01"),
    });
    await fc.assert(
      fc.asyncProperty(query, async (raw) => {
        const parsed = exportQuerySchema.safeParse(raw);
        if (!parsed.success) {
          expect(parsed.error.issues.every((issue) => /\w/.test(issue.message))).toBe(true);
          return;
        }
        const { from, to } = parsed.data;
        expect(from <= to).toBe(true);
        expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBeLessThanOrEqual(MAX_EXPORT_DAYS);
        expect((await teacherCsv(teacher, parsed.data)).split("\r\n")[0]).toMatch(/^\uFEFF?\w/);
      }),
      { numRuns: 100 },
    );
  });

  it("read any statistics period from the address as one of the three", () => {
    fc.assert(
      fc.property(hostileValue, (value) => {
        expect(STATISTICS_PERIODS).toContain(parseStatisticsPeriod(value));
      }),
    );
  });
});
