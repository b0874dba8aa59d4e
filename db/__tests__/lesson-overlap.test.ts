import { and, eq, ne } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { isExclusionViolation, isRetryableConflict } from "@/db/errors";
import { connections, lessons, type Connection } from "@/db/schema";
import { createConnectedPair, createUser } from "@/tests/factories";
import { setupTestDatabase } from "@/tests/database";

const testDatabase = setupTestDatabase();

const at = (iso: string) => new Date(iso);

function lessonFor(connection: Connection, startsAt: string, endsAt: string) {
  return {
    connectionId: connection.id,
    teacherId: connection.teacherId,
    studentId: connection.studentId!,
    startsAt: at(startsAt),
    endsAt: at(endsAt),
  };
}

async function connect(teacherId: string, studentId: string) {
  const [connection] = await db
    .insert(connections)
    .values({ teacherId, studentId, invitedEmail: `${studentId}@example.test`, status: "accepted" })
    .returning();
  return connection!;
}

describe("lesson overlap is impossible in the database", () => {
  it("refuses an overlapping lesson for the same teacher, even with another student", async () => {
    const { teacher, connection } = await createConnectedPair();
    const otherStudent = await createUser();
    const other = await connect(teacher.id, otherStudent.id);
    await db.insert(lessons).values(lessonFor(connection, "2027-01-04T10:00Z", "2027-01-04T11:00Z"));

    const error = await db
      .insert(lessons)
      .values(lessonFor(other, "2027-01-04T10:30Z", "2027-01-04T11:30Z"))
      .catch((caught: unknown) => caught);
    expect(isExclusionViolation(error)).toBe(true);
  });

  it("refuses an overlapping lesson for the same student, even with another teacher", async () => {
    const { student, connection } = await createConnectedPair();
    const otherTeacher = await createUser({ role: "teacher" });
    const other = await connect(otherTeacher.id, student.id);
    await db.insert(lessons).values(lessonFor(connection, "2027-01-04T10:00Z", "2027-01-04T11:00Z"));

    const error = await db
      .insert(lessons)
      .values(lessonFor(other, "2027-01-04T09:30Z", "2027-01-04T10:01Z"))
      .catch((caught: unknown) => caught);
    expect(isExclusionViolation(error)).toBe(true);
  });

  it("allows back-to-back lessons and ignores cancelled ones", async () => {
    const { connection } = await createConnectedPair();
    await db.insert(lessons).values(lessonFor(connection, "2027-01-04T10:00Z", "2027-01-04T11:00Z"));
    await db.insert(lessons).values(lessonFor(connection, "2027-01-04T11:00Z", "2027-01-04T12:00Z"));
    await db.insert(lessons).values(lessonFor(connection, "2027-01-04T09:00Z", "2027-01-04T10:00Z"));

    await db
      .update(lessons)
      .set({ status: "cancelled", cancelledAt: new Date() })
      .where(eq(lessons.startsAt, at("2027-01-04T11:00Z")));
    await db.insert(lessons).values(lessonFor(connection, "2027-01-04T11:15Z", "2027-01-04T11:45Z"));

    const active = await db
      .select()
      .from(lessons)
      .where(and(eq(lessons.connectionId, connection.id), ne(lessons.status, "cancelled")));
    expect(active).toHaveLength(3);
  });

  it("refuses to un-cancel a lesson into a taken slot", async () => {
    const { connection } = await createConnectedPair();
    const [cancelled] = await db
      .insert(lessons)
      .values({ ...lessonFor(connection, "2027-02-01T10:00Z", "2027-02-01T11:00Z"), status: "cancelled", cancelledAt: new Date() })
      .returning();
    await db.insert(lessons).values(lessonFor(connection, "2027-02-01T10:30Z", "2027-02-01T11:30Z"));

    const error = await db
      .update(lessons)
      .set({ status: "scheduled", cancelledAt: null })
      .where(eq(lessons.id, cancelled!.id))
      .catch((caught: unknown) => caught);
    expect(isExclusionViolation(error)).toBe(true);
  });

  it("pins a lesson's teacher and student to its connection", async () => {
    const { connection } = await createConnectedPair();
    const stranger = await createUser();
    const error = await db
      .insert(lessons)
      .values({ ...lessonFor(connection, "2027-03-01T10:00Z", "2027-03-01T11:00Z"), studentId: stranger.id })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(await db.select().from(lessons).where(eq(lessons.connectionId, connection.id))).toHaveLength(0);
  });

  it("lets exactly one of two concurrent transactions book overlapping slots for one teacher", async () => {
    const { teacher, connection } = await createConnectedPair();
    const secondStudent = await createUser();
    const second = await connect(teacher.id, secondStudent.id);

    // On the real server, two independent connections; on PGlite (one connection) the driver serialises.
    const url = testDatabase.current().url;
    const book = async (values: ReturnType<typeof lessonFor>) => {
      if (!url) {
        return db.transaction(async (tx) => {
          await tx.insert(lessons).values(values);
        });
      }
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("begin");
        await client.query("insert into lessons (connection_id, teacher_id, student_id, starts_at, ends_at) values ($1, $2, $3, $4, $5)", [
          values.connectionId,
          values.teacherId,
          values.studentId,
          values.startsAt,
          values.endsAt,
        ]);
        // Hold the transaction open so the other one has to wait on the constraint.
        await new Promise((resolve) => setTimeout(resolve, 100));
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw error;
      } finally {
        await client.end();
      }
    };

    const results = await Promise.allSettled([
      book(lessonFor(connection, "2027-04-05T15:00Z", "2027-04-05T16:00Z")),
      book(lessonFor(second, "2027-04-05T15:30Z", "2027-04-05T16:30Z")),
    ]);

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const [rejected] = results.filter((result) => result.status === "rejected");
    // Two inserts that each check the constraint against the other's uncommitted row may deadlock instead: still refused.
    const reason = rejected?.reason;
    expect(isExclusionViolation(reason) || isRetryableConflict(reason)).toBe(true);
    const booked = await db.select().from(lessons).where(eq(lessons.teacherId, teacher.id));
    expect(booked).toHaveLength(1);
  });

  it("lets exactly one of twenty concurrent bookings of one student's slot succeed", async () => {
    const { student, connection } = await createConnectedPair();
    const attempts = Array.from({ length: 20 }, (_, index) =>
      db.transaction(async (tx) => {
        await tx.insert(lessons).values(lessonFor(connection, `2027-05-03T10:${String(index).padStart(2, "0")}Z`, "2027-05-03T11:00Z"));
      }),
    );
    const results = await Promise.allSettled(attempts);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(isExclusionViolation(result.reason)).toBe(true);
    }
    expect(await db.select().from(lessons).where(eq(lessons.studentId, student.id))).toHaveLength(1);
  });
});
