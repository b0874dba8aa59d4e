import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AssignmentItem } from "@/components/practice/assignment-list";
import { PracticeEntryLine } from "@/components/practice/practice-entry-line";
import { LinkedText } from "@/components/ui/linked-text";
import type { AssignmentRow } from "@/lib/practice/queries";
import { expectInert, markupPayloads } from "@/tests/markup";

const unused = async () => ({ ok: true as const });
const now = new Date("2026-12-01T12:00:00Z");

const assignment = (text: string, overrides: Partial<AssignmentRow> = {}): AssignmentRow => ({
  id: "33333333-3333-4333-8333-333333333333",
  connectionId: "44444444-4444-4444-8444-444444444444",
  lessonId: null,
  title: `Title ${text}`,
  instructions: `Play ${text} slowly`,
  dueAt: new Date("2026-11-30T18:00:00Z"),
  completedAt: null,
  completionNote: null,
  reopenedAt: null,
  reopenComment: null,
  createdAt: new Date("2026-11-20T10:00:00Z"),
  updatedAt: new Date("2026-11-20T10:00:00Z"),
  otherPartyName: `Maya ${text}`,
  lessonStartsAt: null,
  practiceMinutes: 30,
  ...overrides,
});

const item = (row: AssignmentRow, role: "teacher" | "student" = "student") => (
  <ul>
    <AssignmentItem
      assignment={row}
      viewerRole={role}
      zone="Asia/Tokyo"
      now={now}
      actions={role === "student" ? { complete: unused, uncomplete: unused } : { reopen: unused }}
    />
  </ul>
);

describe("assignments and practice render what people typed as text (T17)", () => {
  it.each(markupPayloads)("an open assignment's title, instructions and names with %j", (payload) => {
    expectInert((text) => item(assignment(text)), payload);
  });

  it.each(markupPayloads)("a completion note and a reopen comment with %j", (payload) => {
    expectInert((text) => item(assignment("x", { completedAt: now, completionNote: `Done ${text}` }), "teacher"), payload);
    expectInert((text) => item(assignment("x", { reopenedAt: now, reopenComment: `Again ${text}` })), payload);
  });

  it.each(markupPayloads)("a practice note with %j", (payload) => {
    expectInert(
      (text) => (
        <PracticeEntryLine
          entry={{
            id: "1",
            practicedOn: "2026-11-30",
            minutes: 20,
            note: `Note ${text}`,
            assignmentId: null,
            assignmentTitle: `Piece ${text}`,
          }}
        />
      ),
      payload,
    );
  });

  it("turns only http(s) addresses in instructions into links that open safely", () => {
    const html = renderToString(<LinkedText text="Listen: https://example.com/a?b=1&c=2 then javascript:alert(1)" />);
    expect(html).toContain('href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer"');
    expect(html).not.toMatch(/href="javascript/);
  });

  it("highlights overdue open work and says when it was due in the viewer's zone", () => {
    const html = renderToString(item(assignment("x")));
    expect(html).toContain("Overdue: was due");
    expect(html).toContain("Tue 1 Dec, 03:00");
    expect(renderToString(item(assignment("x", { dueAt: new Date("2026-12-05T09:00:00Z") })))).not.toContain("Overdue");
  });
});
