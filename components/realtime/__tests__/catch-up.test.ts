import { describe, expect, it } from "vitest";
import { createCatchUpReader } from "../catch-up";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe("createCatchUpReader", () => {
  it("applies a read that no event overtook", async () => {
    const reader = createCatchUpReader();
    const applied: number[] = [];
    await reader.read(
      async () => 4,
      (value) => applied.push(value),
    );
    expect(applied).toEqual([4]);
  });

  it("reads again when an event lands while a read is in flight, so the older answer never undoes the event", async () => {
    const reader = createCatchUpReader();
    let count = 0;
    const answers = [deferred<number>(), deferred<number>()];
    let reads = 0;
    const running = reader.read(
      () => answers[reads++]!.promise,
      (value) => (count = value),
    );
    // The read started when nothing was unread; the event says one is, and arrives first.
    reader.noteEvent();
    count = 1;
    answers[0]!.resolve(0);
    await Promise.resolve();
    expect(count).toBe(1);
    answers[1]!.resolve(1);
    await running;
    expect(reads).toBe(2);
    expect(count).toBe(1);
  });

  it("applies the last answer after the rounds run out, rather than nothing", async () => {
    const reader = createCatchUpReader(2);
    const applied: number[] = [];
    let reads = 0;
    await reader.read(
      async () => {
        reads += 1;
        reader.noteEvent();
        return reads;
      },
      (value) => applied.push(value),
    );
    expect(applied).toEqual([2]);
  });

  it("applies nothing when the read fails", async () => {
    const reader = createCatchUpReader();
    const applied: unknown[] = [];
    await reader.read(
      async () => undefined,
      (value) => applied.push(value),
    );
    expect(applied).toEqual([]);
  });
});
