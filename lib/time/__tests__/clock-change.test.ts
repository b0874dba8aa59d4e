import { describe, expect, it } from "vitest";
import { checkWallTime, describeClockChange, parseLocalDateTime, zonedToUtc } from "@/lib/time";

const at = (value: string) => parseLocalDateTime(value)!;

describe("a wall time across a clock change", () => {
  it("that clocks skip: says the time it becomes, which is where zonedToUtc puts it", () => {
    const typed = at("2027-03-28T01:30");
    expect(checkWallTime(typed, "Europe/London")).toEqual({
      kind: "skipped",
      becomes: at("2027-03-28T02:30"),
      jump: new Date("2027-03-28T01:00:00Z"),
    });
    expect(zonedToUtc(typed, "Europe/London").toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(describeClockChange(typed, "Europe/London")).toBe(
      "Clocks go forward that night, so 01:30 does not exist in London: it will be 02:30.",
    );
    expect(describeClockChange(at("2027-03-14T02:15"), "America/New_York")).toContain("it will be 03:15");
    // An event's start is read as the jump itself, as lib/scheduling/events.ts does.
    expect(describeClockChange(typed, "Europe/London", { skipped: "starts-at-jump" })).toBe(
      "Clocks go forward that night, so 01:30 does not exist in London: it will start at 02:00, when they do.",
    );
    expect(checkWallTime(at("2027-03-14T02:15"), "America/New_York")).toMatchObject({ jump: new Date("2027-03-14T07:00:00Z") });
    // Lord Howe's clocks go forward by half an hour.
    expect(checkWallTime(at("2027-10-03T02:10"), "Australia/Lord_Howe")).toMatchObject({
      kind: "skipped",
      jump: new Date("2027-10-02T15:30:00Z"),
    });
  });

  it("that happens twice: says it means the first, with its offset", () => {
    const typed = at("2027-10-31T01:30");
    const check = checkWallTime(typed, "Europe/London");
    expect(check).toMatchObject({ kind: "repeated" });
    expect(check.kind === "repeated" && [check.first.toISOString(), check.second.toISOString()]).toEqual([
      "2027-10-31T00:30:00.000Z",
      "2027-10-31T01:30:00.000Z",
    ]);
    expect(describeClockChange(typed, "Europe/London")).toBe(
      "Clocks go back that night, so 01:30 happens twice in London: this is the first, GMT+1.",
    );
  });

  it("on any other night, or in a zone without clock changes, says nothing", () => {
    expect(describeClockChange(at("2027-03-28T03:30"), "Europe/London")).toBeNull();
    expect(describeClockChange(at("2027-03-27T01:30"), "Europe/London")).toBeNull();
    expect(describeClockChange(at("2027-03-28T01:30"), "Asia/Tokyo")).toBeNull();
    expect(checkWallTime(at("2027-03-28T01:30"), "UTC")).toEqual({ kind: "exists" });
  });
});
