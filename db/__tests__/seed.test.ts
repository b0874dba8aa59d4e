import { count, countDistinct, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { DEMO_PASSWORD, DEMO_TEACHER_EMAIL, isDatabaseEmpty, seedDemoData } from "@/db/seed";
import { assignments, connections, lessons, messages, teacherNotes, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { setupTestDatabase } from "@/tests/database";

setupTestDatabase();

const total = async (table: typeof users | typeof lessons | typeof messages | typeof assignments | typeof teacherNotes) =>
  (await db.select({ value: count() }).from(table))[0]!.value;

describe("demo seed", () => {
  it("creates a believable studio once, and nothing on a second run", async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    // A term that crosses both the American and the European March changes.
    const now = new Date("2026-03-20T12:00:00Z");
    const first = await seedDemoData(db, now);
    expect(first.created).toBe(true);
    expect(first.signInHelp).toContain(DEMO_TEACHER_EMAIL);

    const byRole = await db.select({ role: users.role, value: count() }).from(users).groupBy(users.role);
    expect(Object.fromEntries(byRole.map((row) => [row.role, row.value]))).toEqual({ teacher: 2, student: 10 });
    const zones = await db.select({ value: countDistinct(users.timezone) }).from(users);
    expect(zones[0]!.value).toBeGreaterThanOrEqual(6);

    const accepted = await db.select({ value: count() }).from(connections).where(eq(connections.status, "accepted"));
    expect(accepted[0]!.value).toBe(11);
    expect(await total(lessons)).toBe(11 * 12);
    const attended = await db.select({ value: count() }).from(lessons).where(isNotNull(lessons.attendance));
    expect(attended[0]!.value).toBeGreaterThan(11 * 5);
    expect(await total(messages)).toBeGreaterThan(5);
    expect(await total(assignments)).toBeGreaterThan(5);
    expect(await total(teacherNotes)).toBeGreaterThan(3);

    const snapshot = [await total(users), await total(lessons), await total(messages)];
    const second = await seedDemoData(db, new Date("2026-04-02T12:00:00Z"));
    expect(second.created).toBe(false);
    expect([await total(users), await total(lessons), await total(messages)]).toEqual(snapshot);
  });

  it("gives every demo account the documented password", async () => {
    const amelia = await db.query.users.findFirst({ where: eq(users.email, DEMO_TEACHER_EMAIL) });
    expect(amelia?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(amelia!.passwordHash, DEMO_PASSWORD)).toBe(true);
  });
});
