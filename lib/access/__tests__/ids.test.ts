import { describe, expect, it } from "vitest";
import { isUuid, parseId } from "@/lib/access";

describe("the id parser", () => {
  it("accepts uuids in either case and gives them in lower case", () => {
    expect(parseId("0B5F1C2E-8A4D-4C1B-9E7F-2A3B4C5D6E7F")).toBe("0b5f1c2e-8a4d-4c1b-9e7f-2a3b4c5d6e7f");
    expect(isUuid("00000000-0000-0000-0000-000000000000")).toBe(true);
  });

  it("refuses what only looks like one, so it never reaches the database", () => {
    for (const value of [
      "-".repeat(36),
      "0b5f1c2e8a4d4c1b9e7f2a3b4c5d6e7f0000",
      "0b5f1c2e-8a4d-4c1b-9e7f-2a3b4c5d6e7",
      "g".repeat(8) + "-0000-0000-0000-000000000000",
      " 0b5f1c2e-8a4d-4c1b-9e7f-2a3b4c5d6e7f",
      "",
      null,
      undefined,
      42,
      {},
    ]) {
      expect(isUuid(value)).toBe(false);
      expect(parseId(value)).toBeNull();
    }
  });
});
