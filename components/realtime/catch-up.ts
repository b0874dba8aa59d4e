/**
 * A catch-up read that starts before a live event can answer after it, with older state, and undo the event. Events
 * bump a counter; a read overtaken by one is read again (that read starts after the event, so it is at least as new).
 * After a few rounds the last answer is applied anyway: events are then arriving and will correct it.
 */
export function createCatchUpReader(maxRounds = 3) {
  let eventsSeen = 0;
  return {
    noteEvent() {
      eventsSeen += 1;
    },
    async read<T>(load: () => Promise<T | undefined>, apply: (value: T) => void): Promise<void> {
      for (let round = 1; ; round += 1) {
        const before = eventsSeen;
        const value = await load();
        if (value === undefined) return;
        if (eventsSeen === before || round >= maxRounds) {
          apply(value);
          return;
        }
      }
    },
  };
}

export type CatchUpReader = ReturnType<typeof createCatchUpReader>;
