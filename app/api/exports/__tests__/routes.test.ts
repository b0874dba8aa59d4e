import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { lessons, type User } from "@/db/schema";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair } from "@/tests/factories";

const sessionUser = vi.hoisted(() => ({ current: null as User | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => sessionUser.current }));
vi.mock("@/lib/realtime", () => ({ publish: async () => true, presenceMembers: async () => new Set() }));

const csvRoute = await import("@/app/api/exports/csv/route");
const accountRoute = await import("@/app/api/exports/account/route");
const { createAssignment, completeAssignment, logPractice } = await import("@/lib/practice");
const { sendMessage } = await import("@/lib/messaging");
const { addNote, endConnection } = await import("@/lib/connections");

setupTestDatabase();

afterEach(() => {
  sessionUser.current = null;
});

const csv = (query: string) => csvRoute.GET(new Request(`http://localhost:3000/api/exports/csv?${query}`));
const rowsOf = async (response: Response) =>
  (await response.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");

async function studio() {
  const pair = await createConnectedPair();
  await db.insert(lessons).values([
    {
      connectionId: pair.connection.id,
      teacherId: pair.teacher.id,
      studentId: pair.student.id,
      startsAt: new Date("2026-11-02T17:00:00Z"),
      endsAt: new Date("2026-11-02T17:45:00Z"),
      attendance: "late",
      location: "=cmd|'/c calc'!A1",
    },
    {
      connectionId: pair.connection.id,
      teacherId: pair.teacher.id,
      studentId: pair.student.id,
      startsAt: new Date("2026-12-20T17:00:00Z"),
      endsAt: new Date("2026-12-20T17:45:00Z"),
    },
  ]);
  return pair;
}

describe("CSV export", () => {
  it("downloads the teacher's lessons in range with attendance, times in their zone, formulas neutralised", async () => {
    const { teacher, student } = await studio();
    sessionUser.current = teacher;
    const response = await csv("kind=lessons&from=2026-11-01&to=2026-11-30");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="musbook-lessons-2026-11-01-to-2026-11-30.csv"');
    const [header, ...rows] = await rowsOf(response);
    expect(header).toBe("Date,Start (Europe/London),End,Student,Status,Attendance,Cancelled by,Cancellation reason,Location");
    expect(rows).toEqual([`2026-11-02,17:00,17:45,${student.name},scheduled,late,,,'=cmd|'/c calc'!A1`]);
  });

  it("exports assignments and practice, and nothing of another teacher's studio", async () => {
    const { teacher, student, connection } = await studio();
    const stranger = await createConnectedPair();
    const set = await createAssignment(teacher, { connectionId: connection.id, title: "@Scales, both hands" });
    if (!set.ok) throw new Error(set.error);
    await completeAssignment(student, { assignmentId: set.data.assignment.id, note: 'Done, "finally"' });
    const today = new Date().toISOString().slice(0, 10);
    await logPractice(student, { connectionId: connection.id, practicedOn: today, minutes: "25", assignmentId: set.data.assignment.id });
    await logPractice(stranger.student, { connectionId: stranger.connection.id, practicedOn: today, minutes: "40" });
    sessionUser.current = teacher;
    const range = `from=${today.slice(0, 8)}01&to=${today}`;
    const [assignmentHeader, assignment, ...moreAssignments] = await rowsOf(await csv(`kind=assignments&${range}`));
    expect(assignmentHeader).toMatch(/^Student,Title,Set \(Europe\/London\),Due,Completed,Completion note,Practice minutes,Instructions$/);
    expect(moreAssignments).toEqual([]);
    expect(assignment).toContain(`${student.name},"'@Scales, both hands",`);
    expect(assignment).toContain('"Done, ""finally""",25,');
    const [, practice, ...morePractice] = await rowsOf(await csv(`kind=practice&${range}`));
    expect(practice).toBe(`${student.name},${today},25,"'@Scales, both hands",`);
    expect(morePractice).toEqual([]);
  });

  it("answers students, signed-out visitors and bad ranges with a clear refusal", async () => {
    const { student, teacher } = await studio();
    expect((await csv("kind=lessons&from=2026-11-01&to=2026-11-30")).status).toBe(401);
    sessionUser.current = student;
    const refused = await csv("kind=lessons&from=2026-11-01&to=2026-11-30");
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "Only teachers export studio records." });
    sessionUser.current = teacher;
    for (const [query, field] of [
      ["kind=lessons&from=2026-11-30&to=2026-11-01", "to"],
      ["kind=lessons&from=2026-02-30&to=2026-03-01", "from"],
      ["kind=grades&from=2026-11-01&to=2026-11-30", "kind"],
      ["kind=lessons&from=2016-01-01&to=2026-11-30", "to"],
      ["kind=lessons&from=2026-11-01&to=2026-11-30&teacherId=" + randomUUID(), "form"],
    ] as const) {
      const response = await csv(query);
      expect(response.status, query).toBe(400);
      expect((await response.json()).fieldErrors, query).toHaveProperty(field);
    }
  });
});

describe("account export", () => {
  it("gives a person their own data and what they share, never secrets or the other side's private notes", async () => {
    const { teacher, student, connection } = await studio();
    await addNote(teacher, { connectionId: connection.id, body: "Private: talk to parents about fees" });
    await sendMessage(student, { connectionId: connection.id, clientMessageId: randomUUID(), body: "See you Monday" });
    sessionUser.current = student;
    const response = await accountRoute.GET();
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="musbook-account-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = await response.text();
    const data = JSON.parse(body);
    expect(data.profile).toMatchObject({ email: student.email, role: "student" });
    expect(data.connections).toEqual([expect.objectContaining({ id: connection.id, with: teacher.name, status: "accepted" })]);
    expect(data.lessons).toHaveLength(2);
    expect(data.messages).toEqual([expect.objectContaining({ body: "See you Monday", fromMe: true })]);
    expect(data.privateNotes).toEqual([]);
    for (const secret of ["passwordHash", "password_hash", "$argon2", "sessionVersion", teacher.email, "Private: talk to parents"]) {
      expect(body).not.toContain(secret);
    }

    sessionUser.current = teacher;
    const teacherData = await (await accountRoute.GET()).json();
    expect(teacherData.privateNotes).toEqual([expect.objectContaining({ body: "Private: talk to parents about fees" })]);
    expect(JSON.stringify(teacherData)).not.toContain(student.email);

    // After the connection ends, its history is still the teacher's and the student's to take.
    await endConnection(teacher, { connectionId: connection.id });
    expect((await (await accountRoute.GET()).json()).lessons.length).toBe(2);
    sessionUser.current = null;
    expect((await accountRoute.GET()).status).toBe(401);
  });
});
