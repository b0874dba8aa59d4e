import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/exports/csv";

describe("CSV", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const dangerous of ['=HYPERLINK("http://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]) {
      expect(csvCell(dangerous).replace(/^"/, "")).toMatch(/^'/);
    }
    expect(csvCell("Scales = fun")).toBe("Scales = fun");
    expect(csvCell(-5)).toBe("-5");
  });

  it("quotes commas, quotes and line breaks, and leaves empty values empty", () => {
    expect(csvCell('Bars 1, 2 and "the tricky bit"\nslowly')).toBe('"Bars 1, 2 and ""the tricky bit""\nslowly"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(toCsv(["A", "B"], [["1", null]])).toBe("\uFEFFA,B\r\n1,\r\n");
  });
});
