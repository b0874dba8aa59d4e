import { describe, expect, it } from "vitest";
import { createConnectedPair, createUser } from "@/tests/factories";
import { setupTestDatabase } from "@/tests/database";
import { actorOf, NOW, requestForm } from "@/tests/scheduling";
import { countStatements } from "@/tests/statements";
import { connections } from "@/db/schema";
import { db } from "@/db";
import { requestLessons } from "..";
import { getLessonsOverview } from "../queries";

setupTestDatabase();

/** A teacher with `count` students, each of whom has asked for a weekly series. */
async function teacherWithPendingRequests(count: number) {
  const { teacher } = await createConnectedPair();
  for (let index = 0; index < count; index++) {
    const student = await createUser({ role: "student" });
    const [connection] = await db
      .insert(connections)
      .values({ teacherId: teacher.id, studentId: student.id, invitedEmail: student.email, status: "accepted", respondedAt: NOW })
      .returning();
    const time = `${String(8 + (index % 12)).padStart(2, "0")}:${index % 2 ? "30" : "00"}`;
    const sent = await requestLessons(actorOf(student), requestForm(connection!, { time, repeat: "weekly", occurrences: "4" }), NOW);
    if (!sent.ok) throw new Error(sent.error);
  }
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
  });
});
