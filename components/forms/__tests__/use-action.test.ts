import { describe, expect, it } from "vitest";
import { actionPayloadBytes } from "@/components/forms/use-action";

describe("actionPayloadBytes", () => {
  it("weighs a form by its fields' UTF-8 bytes plus a part's headers each", () => {
    const form = new FormData();
    form.set("name", "Clara");
    form.set("bio", "é".repeat(1000));
    expect(actionPayloadBytes(form)).toBe(100 + 4 + 5 + 100 + 3 + 2000);
  });

  it("puts a pasted megabyte over Next's 1 MB action limit, and an ordinary form well under it", () => {
    const pasted = new FormData();
    pasted.set("bio", "x".repeat(1_000_001));
    expect(actionPayloadBytes(pasted)).toBeGreaterThan(1_000_000);
    const ordinary = new FormData();
    ordinary.set("bio", "x".repeat(2_000));
    expect(actionPayloadBytes(ordinary)).toBeLessThan(10_000);
  });

  it("weighs a plain input by its JSON", () => {
    expect(actionPayloadBytes({ lessonId: "abc", note: "ü" })).toBe(JSON.stringify({ lessonId: "abc", note: "ü" }).length + 1);
  });
});
