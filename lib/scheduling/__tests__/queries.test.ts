import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { connections } from "@/db/schema";
import { createConnectedPair } from "@/tests/factories";
import { setupTestDatabase } from "@/tests/database";
import { actorOf, insertLesson, NOW, requestForm } from "@/tests/scheduling";
import { proposeReschedule, requestLessons } from "..";
import { getLessonDetail, getLessonsOverview } from "../queries";

setupTestDatabase();

describe("what the lessons pages read", () => {
  it("each party sees their side; strangers and revoked connections see nothing", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const stranger = await createConnectedPair();
    const upcoming = await insertLesson(connection, "2026-01-06T10:00:00Z", 45);
    await insertLesson(connection, "2026-01-02T10:00:00Z", 45);
    const request = await requestLessons(actorOf(student), requestForm(connection, { note: "Second-hand <i>Czerny</i>" }), NOW);
    expect(request.ok).toBe(true);
    await proposeReschedule(actorOf(student), { lessonId: upcoming.id, date: "2026-01-07", time: "10:00", timezone: "UTC" }, NOW);

    const teacherView = await getLessonsOverview(actorOf(teacher), NOW);
    expect(teacherView.upcoming.map((lesson) => lesson.id)).toEqual([upcoming.id]);
    expect(teacherView.past).toHaveLength(1);
    expect(teacherView.incoming).toHaveLength(1);
    expect(teacherView.incoming[0]!.preview).toHaveLength(1);
    expect(teacherView.outgoing).toHaveLength(0);
    expect(teacherView.proposals).toMatchObject([{ mine: false, otherPartyName: student.name }]);
    expect(teacherView.connections).toEqual([{ id: connection.id, name: student.name, bookingMode: "request" }]);

    const studentView = await getLessonsOverview(actorOf(student), NOW);
    expect(studentView.outgoing).toMatchObject([{ note: "Second-hand <i>Czerny</i>", otherPartyName: teacher.name }]);
    expect(studentView.proposals).toMatchObject([{ mine: true }]);

    for (const outsider of [stranger.teacher, stranger.student]) {
      const view = await getLessonsOverview(actorOf(outsider), NOW);
      expect([view.upcoming, view.past, view.incoming, view.outgoing, view.proposals].flat()).toHaveLength(0);
      expect(await getLessonDetail(actorOf(outsider), upcoming.id)).toBeNull();
    }
    const detail = await getLessonDetail(actorOf(student), upcoming.id);
    expect(detail).toMatchObject({ viewerIsTeacher: false, teacherName: teacher.name, pendingProposal: { mine: true } });

    await db.update(connections).set({ status: "revoked" }).where(eq(connections.id, connection.id));
    expect(await getLessonDetail(actorOf(teacher), upcoming.id)).toBeNull();
    expect((await getLessonsOverview(actorOf(teacher), NOW)).upcoming).toHaveLength(0);
  });
});
