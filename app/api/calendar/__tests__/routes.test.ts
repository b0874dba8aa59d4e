import { afterEach, describe, expect, it, vi } from "vitest";
import type { User } from "@/db/schema";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";
import { actorOf, insertLesson } from "@/tests/scheduling";

const sessionUser = vi.hoisted(() => ({ current: null as User | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => sessionUser.current }));

const { GET } = await import("@/app/api/calendar/route");
const feedRoute = await import("@/app/api/calendar/feed/[token]/route");
const { createCalendarEvent, regenerateFeedToken } = await import("@/lib/scheduling");

setupTestDatabase();

const range = "?start=2027-01-04T00:00:00%2B00:00&end=2027-01-11T00:00:00%2B00:00";
const calendar = (query = range) => GET(new Request(`http://localhost:3000/api/calendar${query}`));
afterEach(() => {
  sessionUser.current = null;
});

describe("GET /api/calendar", () => {
  it("answers 401 signed out and 400 for a bad or huge range, never cached", async () => {
    expect((await calendar()).status).toBe(401);
    sessionUser.current = await createUser();
    for (const query of ["", "?start=yesterday&end=today", "?start=2027-01-01T00:00:00Z&end=2027-12-01T00:00:00Z"]) {
      const response = await calendar(query);
      expect(response.status).toBe(400);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  it("lists only the viewer's lessons and events; all-day events as dates in the viewer's zone", async () => {
    const { teacher, student, connection } = await createConnectedPair();
    const lesson = await insertLesson(connection, "2027-01-05T17:00:00Z", 45);
    await createCalendarEvent(actorOf(teacher), {
      title: "Teacher's own",
      timezone: "Europe/London",
      allDay: "on",
      startDate: "2027-01-06",
      endDate: "2027-01-06",
    });
    await createCalendarEvent(actorOf(student), {
      title: "Student's own",
      timezone: "Europe/London",
      startDate: "2027-01-06",
      startTime: "10:00",
      endDate: "2027-01-06",
      endTime: "11:00",
    });

    sessionUser.current = teacher;
    const response = await calendar();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const items = (await response.json()) as { id: string; kind: string; title: string; start: string; end: string }[];
    expect(items.map((item) => item.title).sort()).toEqual([`Lesson with ${student.name}`, "Teacher's own"]);
    expect(items.find((item) => item.kind === "lesson")).toMatchObject({
      id: lesson.id,
      start: "2027-01-05T17:00:00.000Z",
      end: "2027-01-05T17:45:00.000Z",
    });
    expect(items.find((item) => item.kind === "event")).toMatchObject({ start: "2027-01-06", end: "2027-01-07" });

    sessionUser.current = await createUser({ role: "teacher" });
    expect(await (await calendar()).json()).toEqual([]);
  });

  it("includes a lesson that began hours before the range and runs into it, not one that ended before it", async () => {
    const { teacher, connection } = await createConnectedPair();
    const overnight = await insertLesson(connection, "2027-01-03T20:00:00Z", 6 * 60);
    await insertLesson(connection, "2027-01-03T19:00:00Z", 60);
    sessionUser.current = teacher;
    const items = (await (await calendar()).json()) as { id: string }[];
    expect(items.map((item) => item.id)).toEqual([overnight.id]);
  });
});

describe("GET /api/calendar/feed/[token]", () => {
  it("serves text/calendar for a valid token and a bare 404 otherwise", async () => {
    const owner = await createUser();
    const made = await regenerateFeedToken(actorOf(owner));
    if (!made.ok) throw new Error(made.error);
    const token = made.data.url.split("/").at(-1)!;
    const ok = await feedRoute.GET(new Request(made.data.url), { params: Promise.resolve({ token }) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(await ok.text()).toContain("BEGIN:VCALENDAR");
    const missing = await feedRoute.GET(new Request("http://localhost/x"), { params: Promise.resolve({ token: "x".repeat(43) }) });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "Not found", code: "not-found" });
  });
});
