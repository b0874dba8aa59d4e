import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { connections, lessonRequests } from "@/db/schema";
import { createUser } from "@/tests/factories";
import { setupTestDatabase } from "@/tests/database";
import { actorOf, NOW } from "@/tests/scheduling";
import { countStatements } from "@/tests/statements";
import { getLessonsOverview } from "../queries";

setupTestDatabase();

/** A teacher with `count` students, each of whom has asked for a weekly series of 4 lessons. */
async function teacherWithPendingRequests(count: number) {
  const teacher = await createUser({ role: "teacher" });
  const students = await Promise.all(Array.from({ length: count }, () => createUser({ role: "student" })));
  const rows = await db
    .insert(connections)
    .values(
      students.map((student) => ({
        teacherId: teacher.id,
        studentId: student.id,
        invitedEmail: student.email,
        status: "accepted" as const,
        respondedAt: NOW,
      })),
    )
    .returning();
  await db.insert(lessonRequests).values(
    rows.map((connection, index) => ({
      connectionId: connection.id,
      requestedById: connection.studentId!,
      startsAt: new Date(Date.UTC(2026, 1, 2, 8 + (index % 12), index % 2 ? 30 : 0)),
      durationMinutes: 45,
      intervalWeeks: 1,
      occurrences: 4,
      timezone: "Europe/London",
    })),
  );
  return teacher;
}

describe("the /lessons overview", () => {
  it("previews every incoming request's clashes in a number of statements that does not grow with the requests", async () => {
    const few = await teacherWithPendingRequests(3);
    const many = await teacherWithPendingRequests(30);
    const forFew = await countStatements(() => getLessonsOverview(actorOf(few), NOW));
    const forMany = await countStatements(() => getLessonsOverview(actorOf(many), NOW));
    expect(forMany.result.incoming).toHaveLength(30);
    expect(forMany.result.incoming.every((request) => request.preview?.length === 4)).toBe(true);
    console.info(`/lessons statements: ${forFew.statements} with 3 pending requests, ${forMany.statements} with 30`);
    expect(forMany.statements).toBe(forFew.statements);
    expect(forMany.statements).toBeLessThanOrEqual(8);
  }, 120_000);
});
