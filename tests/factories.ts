import { randomUUID } from "node:crypto";
import { db, type Executor } from "@/db";
import { connections, users, type Connection, type User, type UserRole } from "@/db/schema";

// A fixed, syntactically valid argon2id hash: factories skip hashing for speed where no test signs in.
const PLACEHOLDER_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2YNwbH1lK2cS0Z9D1k8KQ5jN3KQO0sM4dWJfV9yZQ7A";

export async function createUser(
  overrides: Partial<typeof users.$inferInsert> & { role?: UserRole } = {},
  executor: Executor = db,
): Promise<User> {
  const unique = randomUUID().slice(0, 8);
  const [user] = await executor
    .insert(users)
    .values({
      email: `${overrides.role ?? "student"}-${unique}@example.test`,
      name: `Test ${overrides.role ?? "student"} ${unique}`,
      role: "student",
      timezone: "Europe/London",
      passwordHash: PLACEHOLDER_HASH,
      emailVerifiedAt: new Date(),
      ...overrides,
    })
    .returning();
  return user!;
}

/** A teacher, a student and the accepted connection between them. */
export async function createConnectedPair(executor: Executor = db): Promise<{
  teacher: User;
  student: User;
  connection: Connection;
}> {
  const teacher = await createUser({ role: "teacher" }, executor);
  const student = await createUser({ role: "student" }, executor);
  const [connection] = await executor
    .insert(connections)
    .values({
      teacherId: teacher.id,
      studentId: student.id,
      invitedEmail: student.email,
      status: "accepted",
      respondedAt: new Date(),
    })
    .returning();
  return { teacher, student, connection: connection! };
}
