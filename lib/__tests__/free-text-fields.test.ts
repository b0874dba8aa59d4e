import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { lessons, notifications } from "@/db/schema";
import { approveLessonRequest, cancelLesson, requestLessons } from "@/lib/scheduling";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair } from "@/tests/factories";
import { actorOf, NOW, requestForm } from "@/tests/scheduling";

setupTestDatabase();

describe("a reason at the form's maximum", () => {
  it("cancels the lesson and shortens the notification instead of failing", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const request = await requestLessons(actorOf(student), requestForm(connection), NOW);
    if (!request.ok) throw new Error(request.error);
    expect(await approveLessonRequest(actorOf(teacher), { requestId: request.data.requestId }, NOW)).toMatchObject({ ok: true });
    const [lesson] = await db.select().from(lessons).where(eq(lessons.connectionId, connection.id));
    const reason = "r".repeat(1000);
    expect(await cancelLesson(actorOf(student), { lessonId: lesson!.id, reason }, NOW)).toMatchObject({ ok: true });
    const [cancelled] = await db.select().from(lessons).where(eq(lessons.id, lesson!.id));
    expect(cancelled).toMatchObject({ status: "cancelled", cancellationReason: reason });
    const [notice] = await db.select().from(notifications).where(and(eq(notifications.userId, teacher.id), eq(notifications.type, "lesson.cancelled")));
    expect([...notice!.body!]).toHaveLength(1000);
    expect(notice!.body!.endsWith("…")).toBe(true);
  });
});
