import { asc } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import {
  assignments,
  connections,
  notifications,
  practiceEntries,
  type Assignment,
  type Connection,
  type PracticeEntry,
  type User,
} from "@/db/schema";
import type { AnyActionResult } from "@/lib/actions";
import { settleBackgroundWork } from "@/lib/background";
import {
  completeAssignment,
  createAssignment,
  deleteAssignment,
  deletePractice,
  logPractice,
  reopenAssignment,
  setPracticeGoal,
  uncompleteAssignment,
  updateAssignment,
  updatePractice,
} from "@/lib/practice";
import { getAssignment, listAssignments, practiceOverview } from "@/lib/practice/queries";
import { formatIsoDate } from "@/lib/time";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";

vi.mock("@/lib/realtime", () => ({ publish: async () => true, presenceMembers: async () => new Set() }));

setupTestDatabase();

const SECRET = "Private: prepare the audition piece";

const actorNames = ["teacher", "student", "strangerTeacher", "strangerStudent", "pendingInvitee", "endedStudent"] as const;
type ActorName = (typeof actorNames)[number];

interface World {
  actors: Record<ActorName, User>;
  accepted: Connection;
  ended: Connection;
  pending: Connection;
  assignment: Assignment;
  done: Assignment;
  endedAssignment: Assignment;
  entry: PracticeEntry;
  endedEntry: PracticeEntry;
}

async function buildWorld(): Promise<World> {
  const { teacher, student, connection: accepted } = await createConnectedPair();
  const strangers = await createConnectedPair();
  const [pendingInvitee, endedStudent] = await Promise.all([createUser({ role: "student" }), createUser({ role: "student" })]);
  const invite = (studentId: string | null, email: string, status: Connection["status"]) =>
    db
      .insert(connections)
      .values({ teacherId: teacher.id, studentId, invitedEmail: email, status })
      .returning()
      .then((rows) => rows[0]!);
  const pending = await invite(null, pendingInvitee.email, "pending");
  const ended = await invite(endedStudent.id, endedStudent.email, "revoked");
  const assign = (connection: Connection, completedAt: Date | null = null) =>
    db
      .insert(assignments)
      .values({ connectionId: connection.id, title: SECRET, instructions: SECRET, completedAt })
      .returning()
      .then((rows) => rows[0]!);
  const practise = (connection: Connection, practicedOn: string) =>
    db
      .insert(practiceEntries)
      .values({ connectionId: connection.id, practicedOn, minutes: 20, note: SECRET })
      .returning()
      .then((rows) => rows[0]!);
  const today = formatIsoDate(new Date(), "Europe/London");
  return {
    actors: { teacher, student, strangerTeacher: strangers.teacher, strangerStudent: strangers.student, pendingInvitee, endedStudent },
    accepted,
    ended,
    pending,
    assignment: await assign(accepted),
    done: await assign(accepted, new Date()),
    endedAssignment: await assign(ended),
    entry: await practise(accepted, today),
    endedEntry: await practise(ended, today),
  };
}

const today = () => formatIsoDate(new Date(), "Europe/London");

/** Every assignment and practice function, who may call it, and the call. */
const operations: { name: string; rightful: ActorName[]; call: (actor: User, world: World) => Promise<AnyActionResult> }[] = [
  {
    name: "createAssignment",
    rightful: ["teacher"],
    call: (actor, w) => createAssignment(actor, { connectionId: w.accepted.id, title: "New" }),
  },
  {
    name: "createAssignment (ended)",
    rightful: [],
    call: (actor, w) => createAssignment(actor, { connectionId: w.ended.id, title: "New" }),
  },
  {
    name: "createAssignment (pending)",
    rightful: [],
    call: (actor, w) => createAssignment(actor, { connectionId: w.pending.id, title: "New" }),
  },
  {
    name: "updateAssignment",
    rightful: ["teacher"],
    call: (actor, w) => updateAssignment(actor, { assignmentId: w.assignment.id, title: "Changed" }),
  },
  {
    name: "updateAssignment (ended)",
    rightful: [],
    call: (actor, w) => updateAssignment(actor, { assignmentId: w.endedAssignment.id, title: "Changed" }),
  },
  { name: "deleteAssignment", rightful: ["teacher"], call: (actor, w) => deleteAssignment(actor, { assignmentId: w.assignment.id }) },
  { name: "deleteAssignment (ended)", rightful: [], call: (actor, w) => deleteAssignment(actor, { assignmentId: w.endedAssignment.id }) },
  { name: "completeAssignment", rightful: ["student"], call: (actor, w) => completeAssignment(actor, { assignmentId: w.assignment.id }) },
  {
    name: "completeAssignment (ended)",
    rightful: [],
    call: (actor, w) => completeAssignment(actor, { assignmentId: w.endedAssignment.id }),
  },
  { name: "uncompleteAssignment", rightful: ["student"], call: (actor, w) => uncompleteAssignment(actor, { assignmentId: w.done.id }) },
  {
    name: "reopenAssignment",
    rightful: ["teacher"],
    call: (actor, w) => reopenAssignment(actor, { assignmentId: w.done.id, comment: "Again" }),
  },
  {
    name: "logPractice",
    rightful: ["student"],
    call: (actor, w) => logPractice(actor, { connectionId: w.accepted.id, practicedOn: today(), minutes: "15" }),
  },
  {
    name: "logPractice (ended)",
    rightful: [],
    call: (actor, w) => logPractice(actor, { connectionId: w.ended.id, practicedOn: today(), minutes: "15" }),
  },
  {
    name: "logPractice (pending)",
    rightful: [],
    call: (actor, w) => logPractice(actor, { connectionId: w.pending.id, practicedOn: today(), minutes: "15" }),
  },
  {
    name: "updatePractice",
    rightful: ["student"],
    call: (actor, w) => updatePractice(actor, { entryId: w.entry.id, practicedOn: today(), minutes: "30" }),
  },
  {
    name: "updatePractice (ended)",
    rightful: [],
    call: (actor, w) => updatePractice(actor, { entryId: w.endedEntry.id, practicedOn: today(), minutes: "30" }),
  },
  { name: "deletePractice", rightful: ["student"], call: (actor, w) => deletePractice(actor, { entryId: w.entry.id }) },
  { name: "deletePractice (ended)", rightful: [], call: (actor, w) => deletePractice(actor, { entryId: w.endedEntry.id }) },
  {
    name: "setPracticeGoal",
    rightful: ["teacher"],
    call: (actor, w) => setPracticeGoal(actor, { connectionId: w.accepted.id, minutes: "60" }),
  },
  {
    name: "setPracticeGoal (ended)",
    rightful: [],
    call: (actor, w) => setPracticeGoal(actor, { connectionId: w.ended.id, minutes: "60" }),
  },
];

async function snapshot() {
  await settleBackgroundWork();
  const [connectionRows, assignmentRows, entryRows, notificationRows] = await Promise.all([
    db.select().from(connections).orderBy(asc(connections.id)),
    db.select().from(assignments).orderBy(asc(assignments.id)),
    db.select().from(practiceEntries).orderBy(asc(practiceEntries.id)),
    db.select().from(notifications).orderBy(asc(notifications.id)),
  ]);
  return JSON.stringify({ connectionRows, assignmentRows, entryRows, notificationRows });
}

describe("authorization matrix: assignments and practice", () => {
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
          // A party of the accepted connection in the wrong role is told who may; anyone else learns nothing exists.
          const party = actorName === "teacher" || actorName === "student";
          expect(result.error).toMatch(party ? /couldn't find|^Only / : /couldn't find|^Only (teachers|students)/);
          expect(result.fieldErrors).toBeUndefined();
          const body = JSON.stringify(result);
          for (const secret of [SECRET, world.actors.student.email, world.actors.teacher.name, world.accepted.id])
            expect(body).not.toContain(secret);
          expect(await snapshot()).toBe(before);
        });
      }
    });
  }
});

describe("authorization matrix: reads", () => {
  it.each(actorNames)("lists, opens and summarises only the viewer's accepted connections (%s)", async (actorName) => {
    const world = await buildWorld();
    const actor = world.actors[actorName];
    const isParty = actorName === "teacher" || actorName === "student";
    const lists = await listAssignments(actor);
    const listed = [...lists.overdue, ...lists.dueThisWeek, ...lists.later, ...lists.completed].map((row) => row.id);
    expect(listed.sort()).toEqual(isParty ? [world.assignment.id, world.done.id].sort() : []);
    expect(Boolean(await getAssignment(actor, world.assignment.id))).toBe(isParty);
    expect(await getAssignment(actor, world.endedAssignment.id)).toBeNull();
    const overview = await practiceOverview(actor, "Europe/London", { connectionId: world.accepted.id });
    expect(overview.flatMap((row) => row.recent.map((entry) => entry.id))).toEqual(isParty ? [world.entry.id] : []);
    expect((await practiceOverview(actor, "Europe/London", { connectionId: world.ended.id })).length).toBe(0);
  });
});
