import { and, count, countDistinct, eq, isNotNull, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import {
  assignments,
  connections,
  emailOutbox,
  lessonRequests,
  lessons,
  messages,
  notifications,
  practiceEntries,
  rescheduleRequests,
  teacherNotes,
  users,
} from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD, DEMO_TEACHER_EMAIL, isDatabaseEmpty, seedDemoData } from "@/lib/demo/seed";
import { unreadConversationCount } from "@/lib/messaging";
import { listConversations } from "@/lib/messaging/queries";
import { formatDay, formatDayHeading } from "@/lib/time";
import { isAppPage } from "@/tests/app-routes";
import { setupTestDatabase } from "@/tests/database";

// No realtime server runs here; publishing is best effort either way, and the seed must not depend on it.
vi.mock("@/lib/realtime", () => ({ publish: async () => true, presenceMembers: async () => new Set() }));

setupTestDatabase();

beforeAll(() => {
  vi.spyOn(console, "info").mockImplementation(() => undefined); // the outbox prints every email it stores
});

// A term that crosses both the American and the European March clock changes; a Friday.
const NOW = new Date("2026-03-20T12:00:00Z");

const total = async (
  table: typeof users | typeof lessons | typeof teacherNotes | typeof notifications | typeof assignments | typeof practiceEntries,
) => (await db.select({ value: count() }).from(table))[0]!.value;

describe("demo seed", () => {
  // Seeding a whole studio through the domain functions takes a while on a busy machine.
  it("creates a believable studio once, and nothing on a second run", { timeout: 120_000 }, async () => {
    expect(await isDatabaseEmpty()).toBe(true);
    const first = await seedDemoData(NOW);
    expect(first.created).toBe(true);
    expect(first.signInHelp).toContain(DEMO_TEACHER_EMAIL);

    const byRole = await db.select({ role: users.role, value: count() }).from(users).groupBy(users.role);
    expect(Object.fromEntries(byRole.map((row) => [row.role, row.value]))).toEqual({ teacher: 2, student: 10 });
    const zones = await db.select({ value: countDistinct(users.timezone) }).from(users);
    expect(zones[0]!.value).toBeGreaterThanOrEqual(6);
    const unconfirmed = await db.select({ value: count() }).from(users).where(isNull(users.emailVerifiedAt));
    expect(unconfirmed[0]!.value).toBe(0);

    const accepted = await db.select({ value: count() }).from(connections).where(eq(connections.status, "accepted"));
    expect(accepted[0]!.value).toBe(11);
    const pending = await db.select({ value: count() }).from(connections).where(eq(connections.status, "pending"));
    expect(pending[0]!.value).toBe(2);
    expect(await total(lessons)).toBe(11 * 12);
    const attended = await db.select({ value: count() }).from(lessons).where(isNotNull(lessons.attendance));
    expect(attended[0]!.value).toBeGreaterThan(11 * 5);
    const cancelled = await db.select({ value: count() }).from(lessons).where(eq(lessons.status, "cancelled"));
    expect(cancelled[0]!.value).toBe(1);
    const moves = await db
      .select({ status: rescheduleRequests.status, value: count() })
      .from(rescheduleRequests)
      .groupBy(rescheduleRequests.status);
    expect(Object.fromEntries(moves.map((row) => [row.status, row.value]))).toEqual({ approved: 1, pending: 2 });
    const openRequests = await db.select({ value: count() }).from(lessonRequests).where(eq(lessonRequests.status, "pending"));
    expect(openRequests[0]!.value).toBe(1);
    expect(await total(teacherNotes)).toBeGreaterThan(3);
    expect(await total(assignments)).toBe(10);
    const open = await db.select({ dueAt: assignments.dueAt }).from(assignments).where(isNull(assignments.completedAt));
    expect(open.filter((row) => row.dueAt && row.dueAt < NOW)).toHaveLength(2);
    expect(open).toHaveLength(8);
    expect(await total(practiceEntries)).toBeGreaterThan(30);
    const unread = await db.select({ value: count() }).from(notifications).where(isNull(notifications.readAt));
    expect(unread[0]!.value).toBeGreaterThan(5);
    expect(unread[0]!.value).toBeLessThan((await total(notifications)) / 2);

    const snapshot = [await total(users), await total(lessons), await total(notifications)];
    const second = await seedDemoData(new Date("2026-04-02T12:00:00Z"));
    expect(second.created).toBe(false);
    expect([await total(users), await total(lessons), await total(notifications)]).toEqual(snapshot);
  });

  it("has conversations in the inbox, some unread, each grouped into one notification", async () => {
    const amelia = (await db.query.users.findFirst({ where: eq(users.email, DEMO_TEACHER_EMAIL) }))!;
    const inbox = await listConversations(amelia);
    expect(inbox.filter((conversation) => conversation.lastMessage).length).toBeGreaterThanOrEqual(5);
    expect(await unreadConversationCount(amelia)).toBe(1);
    expect(inbox[0]).toMatchObject({ unreadCount: 2, other: { name: "Sofia Marchetti" } });
    const [notice, ...more] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, amelia.id), eq(notifications.type, "message.received"), isNull(notifications.readAt)));
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ title: "2 new messages from Sofia Marchetti", link: `/messages/${inbox[0]!.connectionId}` });
    expect((await db.select({ value: count() }).from(messages))[0]!.value).toBeGreaterThanOrEqual(10);
  });

  it("gives every demo account the documented password", async () => {
    const amelia = await db.query.users.findFirst({ where: eq(users.email, DEMO_TEACHER_EMAIL) });
    expect(amelia?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(amelia!.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("links every notification to a page that exists and that its recipient may open", async () => {
    const rows = await db
      .select({ link: notifications.link, role: users.role, userId: users.id })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId));
    expect(rows.length).toBeGreaterThan(50);
    for (const { link, role, userId } of rows) {
      expect(link, "every seeded notification leads somewhere").toBeTruthy();
      expect(isAppPage(link!), `${link} is a page under app/`).toBe(true);
      if (link!.startsWith("/students")) expect(role, `${link} is a teacher's page`).toBe("teacher");
      if (link!.startsWith("/teachers")) expect(role, `${link} is a student's page`).toBe("student");
      const lessonId = /^\/lessons\/([^/?#]+)/.exec(link!)?.[1];
      if (lessonId) {
        const [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
        expect([lesson?.teacherId, lesson?.studentId], `${link} is one of the recipient's lessons`).toContain(userId);
      }
      const conversationId = /^\/messages\/([^/?#]+)/.exec(link!)?.[1];
      if (conversationId) {
        const [connection] = await db.select().from(connections).where(eq(connections.id, conversationId));
        expect([connection?.teacherId, connection?.studentId], `${link} is one of the recipient's conversations`).toContain(userId);
        expect(connection?.status, `${link} can still be written in`).toBe("accepted");
      }
      const assignmentId = /^\/assignments\/([^/?#]+)/.exec(link!)?.[1];
      if (assignmentId) {
        const [row] = await db
          .select({ teacherId: connections.teacherId, studentId: connections.studentId, status: connections.status })
          .from(assignments)
          .innerJoin(connections, eq(connections.id, assignments.connectionId))
          .where(eq(assignments.id, assignmentId));
        expect([row?.teacherId, row?.studentId], `${link} is one of the recipient's assignments`).toContain(userId);
        expect(row?.status, `${link} belongs to an accepted connection`).toBe("accepted");
      }
      const connectionId = /^\/students\/([^/?#]+)/.exec(link!)?.[1];
      if (connectionId) {
        const [connection] = await db
          .select()
          .from(connections)
          .where(and(eq(connections.id, connectionId), eq(connections.teacherId, userId)));
        expect(connection?.status, `${link} is one of the recipient's students`).toBe("accepted");
      }
    }
  });

  it("names the right weekday wherever a date is written, in the reader's zone", async () => {
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const texts = [
      ...(await db.select({ title: notifications.title, body: notifications.body }).from(notifications)).flatMap((row) => [
        row.title,
        row.body ?? "",
      ]),
      ...(await db.select({ subject: emailOutbox.subject, text: emailOutbox.text }).from(emailOutbox)).flatMap((row) => [
        row.subject,
        row.text,
      ]),
    ];
    let dated = 0;
    for (const text of texts) {
      // A weekday word only ever appears as "Fri 27 Mar", so it can be checked against the calendar.
      const words = text.match(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(day|sday|nesday|rsday|urday)?\b/g) ?? [];
      const dates = [...text.matchAll(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/g)];
      expect(words.length, `every weekday in "${text}" comes with its date`).toBe(dates.length);
      for (const [written, weekday, day, month] of dates) {
        // The seeded term lies within a few months of NOW, so the year is NOW's.
        const actual = weekdays[new Date(Date.UTC(NOW.getUTCFullYear(), months.indexOf(month!), Number(day))).getUTCDay()];
        expect(`${actual} ${day} ${month}`, `"${written}" in "${text}"`).toBe(`${weekday} ${day} ${month}`);
        dated += 1;
      }
    }
    expect(dated).toBeGreaterThan(50);

    const [request] = await db.select().from(lessonRequests).where(eq(lessonRequests.status, "pending"));
    const amelia = await db.query.users.findFirst({ where: eq(users.email, DEMO_TEACHER_EMAIL) });
    const [told] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, amelia!.id), eq(notifications.type, "lesson.requested"), isNull(notifications.readAt)));
    expect(formatDayHeading(request!.startsAt, "Europe/London")).toMatch(/^Friday /);
    expect(told?.body).toContain(formatDay(request!.startsAt, "Europe/London"));
  });
});
