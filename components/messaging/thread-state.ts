import { characterCount } from "@/lib/text/count";
import {
  calendarDaysBetween,
  formatDate,
  formatDayHeading,
  formatDayMonth,
  formatDayWithYear,
  formatIsoDate,
  formatShortWeekday,
  formatTime,
  MINUTE,
} from "@/lib/time";
import { MESSAGE_EDIT_WINDOW_MINUTES, MESSAGE_MAX_LENGTH, type ConversationSummary, type MessageView } from "@/lib/messaging/types";

/** A message the viewer sent that the server has not acknowledged yet; `failed` once the send was refused or never answered. */
export interface PendingMessage {
  clientMessageId: string;
  body: string;
  createdAt: string;
  failed: boolean;
}

export interface ThreadMessages {
  /** Acknowledged messages, unique by id, in server order (seq). */
  messages: MessageView[];
  /** The viewer's sends in flight, oldest first; always shown after the acknowledged ones. */
  pending: PendingMessage[];
}

const changedAt = (message: MessageView) => Math.max(Date.parse(message.deletedAt ?? "") || 0, Date.parse(message.editedAt ?? "") || 0);

/** A stale copy (say, a catch-up page fetched before an edit landed) never undoes a newer edit or a deletion. */
function fresher(current: MessageView, incoming: MessageView): MessageView {
  if (current.deletedAt && !incoming.deletedAt) return current;
  return changedAt(incoming) >= changedAt(current) ? incoming : current;
}

export function mergeMessages(state: ThreadMessages, incoming: readonly MessageView[], viewerId: string): ThreadMessages {
  if (incoming.length === 0) return state;
  const byId = new Map(state.messages.map((message) => [message.id, message]));
  for (const message of incoming) {
    const current = byId.get(message.id);
    byId.set(message.id, current ? fresher(current, message) : message);
  }
  const messages = [...byId.values()].sort((a, b) => a.seq - b.seq);
  const acknowledged = new Set(messages.filter((message) => message.senderId === viewerId).map((message) => message.clientMessageId));
  const pending = state.pending.filter((item) => !acknowledged.has(item.clientMessageId));
  return { messages, pending: pending.length === state.pending.length ? state.pending : pending };
}

/** Adding the same client id twice (a retry) keeps one bubble, moved back to "sending". */
export function addPending(state: ThreadMessages, item: PendingMessage): ThreadMessages {
  const others = state.pending.filter((pending) => pending.clientMessageId !== item.clientMessageId);
  return { ...state, pending: [...others, item] };
}

export function markFailed(state: ThreadMessages, clientMessageId: string): ThreadMessages {
  return {
    ...state,
    pending: state.pending.map((item) => (item.clientMessageId === clientMessageId ? { ...item, failed: true } : item)),
  };
}

export const lastSeq = (messages: readonly MessageView[]) => messages.at(-1)?.seq ?? 0;
export const firstSeq = (messages: readonly MessageView[]) => messages[0]?.seq ?? 0;

/** The viewer's most recent message the other person has read: where "Seen" goes. */
export function seenMessageId(messages: readonly MessageView[], viewerId: string, otherReadSeq: number): string | null {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!;
    if (message.senderId === viewerId && message.seq <= otherReadSeq) return message.id;
  }
  return null;
}

export function canChange(message: MessageView, viewerId: string, now: Date): boolean {
  return (
    message.senderId === viewerId &&
    !message.deletedAt &&
    now.getTime() - Date.parse(message.createdAt) < MESSAGE_EDIT_WINDOW_MINUTES * MINUTE
  );
}

export interface DayGroup<T> {
  /** The local date (YYYY-MM-DD), a stable key. */
  day: string;
  label: string;
  items: T[];
}

const sameYear = (instant: Date, now: Date, zone: string) =>
  formatIsoDate(instant, zone).slice(0, 4) === formatIsoDate(now, zone).slice(0, 4);

export function dayLabel(instant: Date, zone: string, now: Date): string {
  const days = calendarDaysBetween(instant, now, zone);
  if (days === 0) return "Today";
  if (days === 1) return "Yesterday";
  return sameYear(instant, now, zone) ? formatDayHeading(instant, zone) : formatDayWithYear(instant, zone);
}

/** Consecutive items on the same local day in the viewer's zone share one separator. */
export function groupByDay<T>(items: readonly T[], createdAt: (item: T) => string, zone: string, now: Date): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const instant = new Date(createdAt(item));
    const day = formatIsoDate(instant, zone);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, label: dayLabel(instant, zone, now), items: [item] });
  }
  return groups;
}

/** The inbox's stamp: today a time, this week a weekday, else a date. */
export function inboxStamp(instant: Date, zone: string, now: Date): string {
  const days = calendarDaysBetween(instant, now, zone);
  if (days <= 0) return formatTime(instant, zone);
  if (days < 7) return formatShortWeekday(instant, zone);
  return sameYear(instant, now, zone) ? formatDayMonth(instant, zone) : formatDate(instant, zone);
}

export interface ComposerCount {
  length: number;
  label: string;
  tone: "quiet" | "warning" | "over";
}

/** Counts as the server does (NFC code points), so the counter and the refusal agree. */
export function composerCount(body: string): ComposerCount {
  const length = characterCount(body.normalize("NFC"));
  const tone = length > MESSAGE_MAX_LENGTH ? "over" : length >= MESSAGE_MAX_LENGTH - 200 ? "warning" : "quiet";
  return { length, label: `${length.toLocaleString("en-GB")} / ${MESSAGE_MAX_LENGTH.toLocaleString("en-GB")}`, tone };
}

export function conversationPreview(conversation: ConversationSummary, viewerId: string): string {
  const last = conversation.lastMessage;
  if (!last) return "No messages yet";
  return `${last.senderId === viewerId ? "You: " : ""}${last.deleted ? "Message deleted" : last.preview}`;
}

const RUN_GAP_MINUTES = 5;

/** The last of a run of messages from one sender a few minutes apart carries the time; the others leave it out. */
export function endsRun(
  current: { senderId: string; createdAt: string },
  next: { senderId: string; createdAt: string } | undefined,
): boolean {
  return (
    !next || next.senderId !== current.senderId || Date.parse(next.createdAt) - Date.parse(current.createdAt) > RUN_GAP_MINUTES * MINUTE
  );
}
