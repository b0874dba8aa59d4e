import { describe, expect, it } from "vitest";
import {
  addPending,
  canChange,
  composerCount,
  endsRun,
  groupByDay,
  inboxStamp,
  markFailed,
  mergeMessages,
  seenMessageId,
  type ThreadMessages,
} from "@/components/messaging/thread-state";
import type { MessageView } from "@/lib/messaging/types";

const me = "11111111-1111-4111-8111-111111111111";
const other = "22222222-2222-4222-8222-222222222222";

function message(seq: number, overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: `m${seq}`,
    seq,
    connectionId: "c",
    senderId: other,
    clientMessageId: `client-${seq}`,
    body: `message ${seq}`,
    createdAt: new Date(Date.UTC(2026, 2, 10, 12, seq)).toISOString(),
    editedAt: null,
    deletedAt: null,
    ...overrides,
  };
}

const empty: ThreadMessages = { messages: [], pending: [] };

describe("merging messages", () => {
  it("dedupes by id and keeps server order by seq whatever the arrival order", () => {
    let state = mergeMessages(empty, [message(3), message(1)], me);
    state = mergeMessages(state, [message(2), message(3), message(5)], me);
    state = mergeMessages(state, [message(4), message(1)], me);
    expect(state.messages.map((item) => item.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("settles the viewer's pending send by its client id, not another sender's", () => {
    let state = addPending(empty, { clientMessageId: "abc", body: "hi", createdAt: "2026-03-10T12:00:00Z", failed: false });
    state = mergeMessages(state, [message(1, { clientMessageId: "abc" })], me);
    expect(state.pending).toHaveLength(1);
    state = mergeMessages(state, [message(2, { clientMessageId: "abc", senderId: me })], me);
    expect(state.pending).toEqual([]);
  });

  it("never lets a stale copy undo an edit or a deletion", () => {
    const edited = message(1, { body: "new", editedAt: "2026-03-10T12:05:00Z" });
    const deleted = message(1, { body: "", deletedAt: "2026-03-10T12:06:00Z" });
    let state = mergeMessages(empty, [edited], me);
    state = mergeMessages(state, [message(1)], me);
    expect(state.messages[0]?.body).toBe("new");
    state = mergeMessages(state, [deleted], me);
    state = mergeMessages(state, [edited], me);
    expect(state.messages[0]?.deletedAt).not.toBeNull();
  });

  it("a retry keeps one bubble and moves it back to sending", () => {
    let state = addPending(empty, { clientMessageId: "abc", body: "hi", createdAt: "2026-03-10T12:00:00Z", failed: false });
    state = markFailed(state, "abc");
    expect(state.pending[0]?.failed).toBe(true);
    state = addPending(state, { clientMessageId: "abc", body: "hi", createdAt: "2026-03-10T12:00:00Z", failed: false });
    expect(state.pending).toEqual([{ clientMessageId: "abc", body: "hi", createdAt: "2026-03-10T12:00:00Z", failed: false }]);
  });
});

describe("read receipts and the edit window", () => {
  it('puts "Seen" under the viewer\'s latest message the other has read', () => {
    const messages = [message(1, { senderId: me }), message(2, { senderId: me }), message(3), message(4, { senderId: me })];
    expect(seenMessageId(messages, me, 0)).toBeNull();
    expect(seenMessageId(messages, me, 3)).toBe("m2");
    expect(seenMessageId(messages, me, 4)).toBe("m4");
  });

  it("lets the sender change a message for 15 minutes, never someone else's or a deleted one", () => {
    const mine = message(1, { senderId: me, createdAt: "2026-03-10T12:00:00Z" });
    expect(canChange(mine, me, new Date("2026-03-10T12:14:59Z"))).toBe(true);
    expect(canChange(mine, me, new Date("2026-03-10T12:15:00Z"))).toBe(false);
    expect(canChange(message(1, { createdAt: "2026-03-10T12:00:00Z" }), me, new Date("2026-03-10T12:01:00Z"))).toBe(false);
    expect(canChange({ ...mine, deletedAt: "2026-03-10T12:01:00Z" }, me, new Date("2026-03-10T12:02:00Z"))).toBe(false);
  });
});

describe("days in the viewer's zone", () => {
  const now = new Date("2026-03-12T10:00:00Z");
  // 23:30 UTC on the 10th is the 11th in Tokyo and still the 10th in Los Angeles.
  const items = ["2026-03-10T09:00:00Z", "2026-03-10T23:30:00Z", "2026-03-12T08:00:00Z"];

  it("groups by the local day, so the same instants split differently per zone", () => {
    const tokyo = groupByDay(items, (item) => item, "Asia/Tokyo", now);
    expect(tokyo.map((group) => [group.day, group.label, group.items.length])).toEqual([
      ["2026-03-10", "Tuesday 10 March", 1],
      ["2026-03-11", "Yesterday", 1],
      ["2026-03-12", "Today", 1],
    ]);
    const losAngeles = groupByDay(items, (item) => item, "America/Los_Angeles", now);
    expect(losAngeles.map((group) => [group.day, group.label, group.items.length])).toEqual([
      ["2026-03-10", "Tuesday 10 March", 2],
      ["2026-03-12", "Today", 1],
    ]);
  });

  it("names last year's days with their year", () => {
    expect(groupByDay(["2025-12-31T12:00:00Z"], (item) => item, "Europe/London", now)[0]?.label).toBe("Wed 31 Dec 2025");
  });

  it("stamps inbox rows: today a time, this week a weekday, else a date", () => {
    const zone = "Europe/London";
    expect(inboxStamp(new Date("2026-03-12T09:05:00Z"), zone, now)).toBe("09:05");
    expect(inboxStamp(new Date("2026-03-09T09:05:00Z"), zone, now)).toBe("Mon");
    expect(inboxStamp(new Date("2026-03-01T09:05:00Z"), zone, now)).toBe("1 Mar");
    expect(inboxStamp(new Date("2025-11-01T09:05:00Z"), zone, now)).toBe("1 Nov 2025");
    // The viewer's zone decides "today": 23:30 UTC on the 11th is already the 12th in Auckland.
    expect(inboxStamp(new Date("2026-03-11T23:30:00Z"), "Pacific/Auckland", now)).toBe("12:30");
  });
});

describe("the composer's counter", () => {
  it("counts code points after NFC, like the server", () => {
    expect(composerCount("").label).toBe("0 / 4,000");
    expect(composerCount("🎻🎻").length).toBe(2);
    expect(composerCount("e\u0301").length).toBe(1);
  });

  it("warns near the limit and flags going over", () => {
    expect(composerCount("a".repeat(3799)).tone).toBe("quiet");
    expect(composerCount("a".repeat(3800)).tone).toBe("warning");
    expect(composerCount("a".repeat(4000)).tone).toBe("warning");
    expect(composerCount("a".repeat(4001)).tone).toBe("over");
  });
});

describe("runs of messages", () => {
  it("show the time once at the end of a run from one sender, a few minutes apart", () => {
    const at = (minute: number, senderId = me) => ({ senderId, createdAt: new Date(Date.UTC(2026, 2, 10, 12, minute)).toISOString() });
    expect(endsRun(at(0), at(1))).toBe(false);
    expect(endsRun(at(0), at(5))).toBe(false);
    expect(endsRun(at(0), at(6))).toBe(true);
    expect(endsRun(at(0), at(1, other))).toBe(true);
    expect(endsRun(at(0), undefined)).toBe(true);
  });
});
