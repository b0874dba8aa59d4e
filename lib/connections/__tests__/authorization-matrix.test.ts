import { randomUUID } from "node:crypto";
import { asc } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import {
  connections,
  conversationReads,
  emailOutbox,
  lessons,
  messages,
  notifications,
  teacherNotes,
  type Connection,
  type Message,
  type TeacherNote,
  type User,
} from "@/db/schema";
import type { AnyActionResult } from "@/lib/actions";
import { settleBackgroundWork } from "@/lib/background";
import {
  acceptInvitation,
  addNote,
  cancelInvitation,
  declineInvitation,
  deleteNote,
  endConnection,
  resendInvitation,
  setBookingMode,
  setMessagingLocked,
  updateNote,
} from "@/lib/connections";
import { canSendMessage, findConnectionFor } from "@/lib/access";
import { deleteMessage, editMessage, markConversationRead, sendMessage } from "@/lib/messaging";
import { getMessage, loadThread } from "@/lib/messaging/queries";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";

vi.mock("@/lib/realtime", () => ({ publish: async () => true, presenceMembers: async () => new Set() }));

setupTestDatabase();

const SECRET_NOTE = "Private: parents asked about exam fees";
const SECRET_MESSAGE = "Private: can we talk about the exam fee?";

/** One studio: the rightful pair, strangers of both roles, and students at every other stage. */
interface World {
  actors: Record<ActorName, User>;
  accepted: Connection;
  pending: Connection;
  declined: Connection;
  ended: Connection;
  note: TeacherNote;
  endedNote: TeacherNote;
  message: Message;
  endedMessage: Message;
}
const actorNames = [
  "teacher",
  "student",
  "strangerTeacher",
  "strangerStudent",
  "pendingInvitee",
  "declinedStudent",
  "endedStudent",
] as const;
type ActorName = (typeof actorNames)[number];

async function buildWorld(): Promise<World> {
  const { teacher, student, connection: accepted } = await createConnectedPair();
  const [strangerTeacher, strangerStudent, pendingInvitee, declinedStudent, endedStudent] = await Promise.all([
    createUser({ role: "teacher" }),
    createUser({ role: "student" }),
    createUser({ role: "student" }),
    createUser({ role: "student" }),
    createUser({ role: "student" }),
  ]);
  const invite = (studentId: string | null, email: string, status: Connection["status"]) =>
    db
      .insert(connections)
      .values({ teacherId: teacher.id, studentId, invitedEmail: email, status })
      .returning()
      .then((rows) => rows[0]!);
  // The pending invitation is address-only, as for someone invited before they had an account.
  const pending = await invite(null, pendingInvitee.email, "pending");
  const declined = await invite(declinedStudent.id, declinedStudent.email, "declined");
  const ended = await invite(endedStudent.id, endedStudent.email, "revoked");
  // Strangers have their own connection, so "has some connection" is never mistaken for "is a party".
  await createConnectedPair().then(async (other) => {
    await db
      .insert(connections)
      .values({ teacherId: strangerTeacher.id, studentId: strangerStudent.id, invitedEmail: strangerStudent.email, status: "accepted" });
    return other;
  });
  const [note] = await db.insert(teacherNotes).values({ connectionId: accepted.id, body: SECRET_NOTE }).returning();
  const [endedNote] = await db.insert(teacherNotes).values({ connectionId: ended.id, body: SECRET_NOTE }).returning();
  const say = (connection: Connection, senderId: string) =>
    db
      .insert(messages)
      .values({ connectionId: connection.id, senderId, clientMessageId: randomUUID(), body: SECRET_MESSAGE })
      .returning()
      .then((rows) => rows[0]!);
  const message = await say(accepted, student.id);
  const endedMessage = await say(ended, endedStudent.id);
  await db.insert(lessons).values({
    connectionId: accepted.id,
    teacherId: teacher.id,
    studentId: student.id,
    startsAt: new Date(Date.now() + 86_400_000),
    endsAt: new Date(Date.now() + 90_000_000),
  });
  return {
    actors: { teacher, student, strangerTeacher, strangerStudent, pendingInvitee, declinedStudent, endedStudent },
    accepted,
    pending,
    declined,
    ended,
    note: note!,
    endedNote: endedNote!,
    message,
    endedMessage,
  };
}

/** Every connection-scoped domain function, the party (or parties) who may call it, and the call. */
const operations: { name: string; rightful: ActorName[]; call: (actor: User, world: World) => Promise<AnyActionResult> }[] = [
  {
    name: "setMessagingLocked",
    rightful: ["teacher"],
    call: (actor, w) => setMessagingLocked(actor, { connectionId: w.accepted.id, locked: true }),
  },
  {
    name: "setBookingMode",
    rightful: ["teacher"],
    call: (actor, w) => setBookingMode(actor, { connectionId: w.accepted.id, mode: "direct" }),
  },
  { name: "setBookingMode (ended)", rightful: [], call: (actor, w) => setBookingMode(actor, { connectionId: w.ended.id, mode: "direct" }) },
  {
    name: "setBookingMode (pending)",
    rightful: [],
    call: (actor, w) => setBookingMode(actor, { connectionId: w.pending.id, mode: "direct" }),
  },
  { name: "endConnection", rightful: ["teacher", "student"], call: (actor, w) => endConnection(actor, { connectionId: w.accepted.id }) },
  { name: "endConnection (already ended)", rightful: [], call: (actor, w) => endConnection(actor, { connectionId: w.ended.id }) },
  { name: "endConnection (declined)", rightful: [], call: (actor, w) => endConnection(actor, { connectionId: w.declined.id }) },
  { name: "addNote", rightful: ["teacher"], call: (actor, w) => addNote(actor, { connectionId: w.accepted.id, body: "new note" }) },
  { name: "addNote (ended)", rightful: [], call: (actor, w) => addNote(actor, { connectionId: w.ended.id, body: "new note" }) },
  { name: "updateNote", rightful: ["teacher"], call: (actor, w) => updateNote(actor, { noteId: w.note.id, body: "changed" }) },
  { name: "updateNote (ended)", rightful: [], call: (actor, w) => updateNote(actor, { noteId: w.endedNote.id, body: "changed" }) },
  { name: "deleteNote", rightful: ["teacher"], call: (actor, w) => deleteNote(actor, { noteId: w.note.id }) },
  { name: "resendInvitation", rightful: ["teacher"], call: (actor, w) => resendInvitation(actor, { connectionId: w.pending.id }) },
  { name: "resendInvitation (accepted)", rightful: [], call: (actor, w) => resendInvitation(actor, { connectionId: w.accepted.id }) },
  { name: "cancelInvitation", rightful: ["teacher"], call: (actor, w) => cancelInvitation(actor, { connectionId: w.pending.id }) },
  { name: "cancelInvitation (accepted)", rightful: [], call: (actor, w) => cancelInvitation(actor, { connectionId: w.accepted.id }) },
  { name: "acceptInvitation", rightful: ["pendingInvitee"], call: (actor, w) => acceptInvitation(actor, { connectionId: w.pending.id }) },
  { name: "acceptInvitation (declined)", rightful: [], call: (actor, w) => acceptInvitation(actor, { connectionId: w.declined.id }) },
  { name: "acceptInvitation (ended)", rightful: [], call: (actor, w) => acceptInvitation(actor, { connectionId: w.ended.id }) },
  { name: "declineInvitation", rightful: ["pendingInvitee"], call: (actor, w) => declineInvitation(actor, { connectionId: w.pending.id }) },
  {
    name: "sendMessage",
    rightful: ["teacher", "student"],
    call: (actor, w) => sendMessage(actor, { connectionId: w.accepted.id, clientMessageId: randomUUID(), body: "Hello" }),
  },
  {
    name: "sendMessage (ended)",
    rightful: [],
    call: (actor, w) => sendMessage(actor, { connectionId: w.ended.id, clientMessageId: randomUUID(), body: "Hello" }),
  },
  {
    name: "sendMessage (declined)",
    rightful: [],
    call: (actor, w) => sendMessage(actor, { connectionId: w.declined.id, clientMessageId: randomUUID(), body: "Hello" }),
  },
  { name: "editMessage", rightful: ["student"], call: (actor, w) => editMessage(actor, { messageId: w.message.id, body: "Edited" }) },
  { name: "editMessage (ended)", rightful: [], call: (actor, w) => editMessage(actor, { messageId: w.endedMessage.id, body: "Edited" }) },
  { name: "deleteMessage", rightful: ["student"], call: (actor, w) => deleteMessage(actor, { messageId: w.message.id }) },
  { name: "deleteMessage (ended)", rightful: [], call: (actor, w) => deleteMessage(actor, { messageId: w.endedMessage.id }) },
  {
    name: "markConversationRead",
    rightful: ["teacher", "student"],
    call: (actor, w) => markConversationRead(actor, { connectionId: w.accepted.id, seq: w.message.seq }),
  },
  {
    // History stays readable to both parties, so reading it may be recorded.
    name: "markConversationRead (ended)",
    rightful: ["teacher", "endedStudent"],
    call: (actor, w) => markConversationRead(actor, { connectionId: w.ended.id, seq: w.endedMessage.seq }),
  },
  { name: "loadThread", rightful: ["teacher", "student"], call: (actor, w) => loadThread(actor, w.accepted.id) },
  { name: "loadThread (ended)", rightful: ["teacher", "endedStudent"], call: (actor, w) => loadThread(actor, w.ended.id) },
  { name: "loadThread (pending)", rightful: [], call: (actor, w) => loadThread(actor, w.pending.id) },
  { name: "getMessage", rightful: ["teacher", "student"], call: (actor, w) => getMessage(actor, w.message.id) },
];

async function snapshot() {
  await settleBackgroundWork();
  const [connectionRows, noteRows, lessonRows, notificationRows, emails, messageRows, readRows] = await Promise.all([
    db.select().from(connections).orderBy(asc(connections.id)),
    db.select().from(teacherNotes).orderBy(asc(teacherNotes.id)),
    db.select().from(lessons).orderBy(asc(lessons.id)),
    db.select().from(notifications).orderBy(asc(notifications.id)),
    db.select().from(emailOutbox).orderBy(asc(emailOutbox.id)),
    db.select().from(messages).orderBy(asc(messages.seq)),
    db.select().from(conversationReads).orderBy(asc(conversationReads.connectionId), asc(conversationReads.userId)),
  ]);
  return JSON.stringify({ connectionRows, noteRows, lessonRows, notificationRows, emails, messageRows, readRows });
}

describe("authorization matrix: connection-scoped domain functions", () => {
  for (const operation of operations) {
    describe(operation.name, () => {
      for (const actorName of actorNames) {
        const allowed = operation.rightful.includes(actorName);
        it(`${allowed ? "allows" : "refuses"} the ${actorName}`, async () => {
          const world = await buildWorld();
          const before = await snapshot();
          const result = await operation.call(world.actors[actorName], world);
          if (allowed) {
            expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
            return;
          }
          expect(result.ok).toBe(false);
          if (result.ok) return;
          // The parties of an ended connection are told it has ended; nobody else learns it exists.
          const endedParty = actorName === "teacher" || actorName === "endedStudent";
          expect(result.error).toMatch(endedParty ? /couldn't find|no longer available|has ended/ : /couldn't find|no longer available/);
          expect(result.fieldErrors).toBeUndefined();
          // Nothing of the resource leaks into the answer, and nothing changed.
          const body = JSON.stringify(result);
          for (const secret of [
            SECRET_NOTE,
            SECRET_MESSAGE,
            world.actors.student.email,
            world.actors.pendingInvitee.email,
            world.actors.teacher.name,
            world.accepted.id,
          ]) {
            expect(body).not.toContain(secret);
          }
          expect(await snapshot()).toBe(before);
        });
      }
    });
  }
});

describe("authorization matrix: reads", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  it.each(actorNames)(
    "findConnectionFor and canSendMessage admit only the two parties of the accepted connection (%s)",
    async (actorName) => {
      const actor = world.actors[actorName];
      const isParty = actorName === "teacher" || actorName === "student";
      expect(Boolean(await findConnectionFor(actor, world.accepted.id))).toBe(isParty);
      expect(await canSendMessage(actor, world.accepted.id)).toBe(isParty);
      for (const other of [world.pending, world.declined, world.ended]) expect(await canSendMessage(actor, other.id)).toBe(false);
    },
  );

  it("never lets a student act as a teacher, nor look up by a guessed or malformed id", async () => {
    const { student, teacher } = world.actors;
    expect(await findConnectionFor(student, world.accepted.id, { as: "teacher" })).toBeNull();
    expect(await findConnectionFor(teacher, world.accepted.id, { as: "student" })).toBeNull();
    for (const id of ["00000000-0000-0000-0000-000000000000", "-".repeat(36), "' or 1=1 --", "", null, 42]) {
      expect(await findConnectionFor(teacher, id)).toBeNull();
    }
  });
});
