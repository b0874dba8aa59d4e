import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { connections, users } from "@/db/schema";
import { setupTestDatabase } from "@/tests/database";

// The configuration read afresh on every call, so each test can set its own.
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/env")>();
  return { ...actual, env: () => actual.parseEnv(process.env) };
});

const accountsRoute = await import("@/app/api/test/accounts/route");
const connectionsRoute = await import("@/app/api/test/connections/route");

setupTestDatabase();

afterEach(() => {
  vi.unstubAllEnvs();
});

const post = (handler: (request: Request) => Promise<Response>, body: unknown) =>
  handler(
    new Request("http://localhost/api/test", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
  );

const createAccount = (body: unknown) => post(accountsRoute.POST, body);
const connect = (body: unknown) => post(connectionsRoute.POST, body);

const account = (role: "teacher" | "student", email: string) => ({
  role,
  name: role === "teacher" ? "Nadia Boulanger" : "Lili Boulanger",
  email,
  password: "a sonatina for each test",
  timezone: "Europe/London",
});

describe("the test-only account routes", () => {
  it("do not exist without E2E_HOOKS=1, nor on a hosted server with it", async () => {
    expect((await createAccount(account("teacher", "t@example.com"))).status).toBe(404);
    expect((await connect({ teacherEmail: "t@example.com", studentEmail: "s@example.com" })).status).toBe(404);
    vi.stubEnv("E2E_HOOKS", "1");
    vi.stubEnv("RESEND_API_KEY", "re_hosted");
    expect((await createAccount(account("teacher", "t@example.com"))).status).toBe(404);
    expect((await connect({ teacherEmail: "t@example.com", studentEmail: "s@example.com" })).status).toBe(404);
    expect(await db.select().from(users)).toEqual([]);
  });

  it("make a confirmed account and connect a student with E2E_HOOKS=1, as the forms would", async () => {
    vi.stubEnv("E2E_HOOKS", "1");
    const teacher = await createAccount(account("teacher", "Teacher@Example.com"));
    expect(teacher.status).toBe(200);
    expect((await createAccount(account("student", "student@example.com"))).status).toBe(200);
    const [stored] = await db.select().from(users).where(eq(users.email, "teacher@example.com"));
    expect(stored).toMatchObject({ role: "teacher", name: "Nadia Boulanger" });
    expect(stored!.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await teacher.json()).toEqual({ userId: stored!.id });

    const connected = await connect({ teacherEmail: "teacher@example.com", studentEmail: "STUDENT@example.com" });
    expect(connected.status).toBe(200);
    const { connectionId } = (await connected.json()) as { connectionId: string };
    const [connection] = await db.select().from(connections).where(eq(connections.id, connectionId));
    expect(connection).toMatchObject({ teacherId: stored!.id, status: "accepted" });
  });

  it("answer bad input with a message and write nothing", async () => {
    vi.stubEnv("E2E_HOOKS", "1");
    const [usersBefore, connectionsBefore] = await Promise.all([db.$count(users), db.$count(connections)]);
    const refusedAccount = await createAccount({ ...account("teacher", "not an address"), password: "short" });
    expect(refusedAccount.status).toBe(400);
    expect(await refusedAccount.json()).toMatchObject({ fieldErrors: { email: "Enter a valid email address, like name@example.com." } });
    expect((await createAccount(null)).status).toBe(400);

    const stranger = await connect({ teacherEmail: "nobody@example.com", studentEmail: "nobody-else@example.com" });
    expect(stranger.status).toBe(404);
    expect(await stranger.json()).toMatchObject({ error: "Both accounts must exist." });
    const malformed = await connect({ teacherEmail: "t@example.com" });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: "Send { teacherEmail, studentEmail } of two accounts." });
    expect([await db.$count(users), await db.$count(connections)]).toEqual([usersBefore, connectionsBefore]);
  });
});
