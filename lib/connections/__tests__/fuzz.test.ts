import fc from "fast-check";
import { describe, it, vi } from "vitest";
import type { User } from "@/db/schema";
import { updateProfile } from "@/lib/accounts/settings";
import { addNote, deleteNote, inviteStudent, setBookingMode, setMessagingLocked, updateNote } from "@/lib/connections";
import { deleteMessage, editMessage, markConversationRead, sendMessage } from "@/lib/messaging/messages";
import { updateNotificationPreferences } from "@/lib/notifications/preferences";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair } from "@/tests/factories";
import { fuzzActions, type FuzzCase, inputFor, tablesFingerprint } from "@/tests/fuzz";

vi.mock("@/lib/realtime", () => ({ publish: async () => true, presenceMembers: async () => new Set() }));

setupTestDatabase();

const RUNS = 25;
const NOW = new Date("2026-11-30T12:00:00Z");

/** The tables these actions write, so a refused call can be shown to have written nothing. */
const fingerprint = tablesFingerprint([
  "users",
  "connections",
  "teacher_notes",
  "messages",
  "conversation_reads",
  "notification_preferences",
  "notifications",
]);

describe("connection, messaging and settings inputs under fuzzing (T28)", () => {
  it(
    "answer any input with a result and a message, never an exception, and write nothing when they refuse",
    { timeout: 300_000 },
    async () => {
      const { teacher, student, connection } = await createConnectedPair();
      const note = await addNote(teacher, { connectionId: connection.id, body: "Works hard on scales." });
      const sent = await sendMessage(student, { connectionId: connection.id, clientMessageId: crypto.randomUUID(), body: "Hello" }, NOW);
      if (!note.ok || !sent.ok) throw new Error("The fuzzing studio could not be set up.");
      const noteId = note.data.note.id;
      const messageId = sent.data.message.id;
      const ids = (own: string) =>
        fc.oneof({ arbitrary: fc.constant(own), weight: 4 }, fc.constantFrom(connection.id, noteId, "not-an-id"));
      const text = fc.constantFrom("Bring the Grade 5 book", "<b>bold</b> https://example.com", "");
      const cases: FuzzCase<User>[] = [
        [
          "invite a student",
          teacher,
          (actor, input) => inviteStudent(actor, input, NOW),
          inputFor({ email: fc.constantFrom("new.student@example.test", "not an email", "A@B"), message: text }),
        ],
        ["add a note", teacher, addNote, inputFor({ connectionId: ids(connection.id), body: text })],
        ["edit a note", teacher, updateNote, inputFor({ noteId: ids(noteId), body: text })],
        [
          "lock messaging",
          teacher,
          setMessagingLocked,
          inputFor({ connectionId: ids(connection.id), locked: fc.constantFrom(true, "false", "yes") }),
        ],
        [
          "choose the booking mode",
          teacher,
          setBookingMode,
          inputFor({ connectionId: ids(connection.id), mode: fc.constantFrom("direct", "request", "sometimes") }),
        ],
        [
          "send a message",
          teacher,
          (actor, input) => sendMessage(actor, input, NOW),
          inputFor({ connectionId: ids(connection.id), clientMessageId: fc.uuid(), body: text }),
        ],
        [
          "mark a conversation read",
          student,
          (actor, input) => markConversationRead(actor, input, NOW),
          inputFor({ connectionId: ids(connection.id), seq: fc.oneof(fc.integer({ min: -3, max: 50 }), fc.constant("1e99")) }),
        ],
        ["edit a message", student, (actor, input) => editMessage(actor, input, NOW), inputFor({ messageId: ids(messageId), body: text })],
        [
          "update the profile",
          student,
          updateProfile,
          inputFor({
            name: fc.constantFrom("Maya Chen", ""),
            phone: fc.constantFrom("", "+44 20 7946 0958", "call me"),
            timezone: fc.constantFrom("Europe/London", "Mars/Olympus"),
            instruments: fc.constantFrom("Violin", ""),
            bio: text,
          }),
        ],
        [
          "choose notifications",
          student,
          updateNotificationPreferences,
          inputFor({
            lead60: fc.constantFrom("on", undefined, "off"),
            emailMessages: fc.constantFrom("on", undefined),
            weeklySummary: fc.constantFrom("on", 1),
          }),
        ],
        // Last: once these succeed, the actions above could only answer "not found".
        ["delete a message", student, (actor, input) => deleteMessage(actor, input, NOW), inputFor({ messageId: ids(messageId) })],
        ["delete a note", teacher, deleteNote, inputFor({ noteId: ids(noteId) })],
      ];
      await fuzzActions(cases, fingerprint, RUNS);
    },
  );
});
