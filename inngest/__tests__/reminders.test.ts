import { InngestTestEngine } from "@inngest/test";
import { eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { lessons, reminderDeliveries } from "@/db/schema";
import { settleBackgroundWork } from "@/lib/background";
import { inngest } from "@/lib/jobs/inngest";
import { periodicJobs } from "@/lib/jobs/periodic";
import { MINUTE } from "@/lib/time";
import { setupTestDatabase } from "@/tests/database";
import { pushedUserIds } from "@/tests/push-recorder";
import { emailsTo, pairIn, remindersIn } from "@/lib/reminders/__tests__/helpers";
import { insertLesson } from "@/tests/scheduling";

const mode = vi.hoisted(() => ({ value: "embedded" as "embedded" | "inngest" }));
vi.mock("@/lib/jobs/index", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/jobs/index")>()),
  jobsMode: () => mode.value,
}));
vi.mock("@/lib/push", () => import("@/tests/push-recorder"));
vi.mock("@/lib/realtime", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/realtime")>()),
  publish: async () => true,
}));

const { periodicFunctions } = await import("@/inngest/functions/periodic");
const { eventFunctions } = await import("@/inngest/functions/events");

setupTestDatabase();

afterEach(async () => {
  mode.value = "embedded";
  await settleBackgroundWork();
  pushedUserIds.length = 0;
  vi.restoreAllMocks();
});

/** A lesson whose 30-minute reminder falls due now, on the real clock (the cron runs "now"). */
async function lessonDueNow() {
  const pair = await pairIn("Europe/London", { reminderLeadMinutes: [30] });
  const start = new Date(Math.ceil((Date.now() + 30 * MINUTE) / MINUTE) * MINUTE - MINUTE);
  const lesson = await insertLesson(pair.connection, start.toISOString(), 45, { createdAt: new Date(Date.now() - 60 * MINUTE) });
  return { ...pair, lesson };
}

async function sweepOnInngest() {
  mode.value = "inngest";
  const send = vi.spyOn(inngest, "send").mockResolvedValue({ ids: ["event"] });
  const sweep = periodicFunctions.find((fn) => fn.id() === "sweep-reminders")!;
  return { ...(await new InngestTestEngine({ function: sweep }).execute()), send };
}

describe("reminder functions on Inngest", () => {
  it("the cron claims due reminders in a step and sends one reminder/due event each, with the delivery id as the event id", async () => {
    const { student } = await lessonDueNow();
    const { result, error, send } = await sweepOnInngest();
    expect(error).toBeUndefined();
    expect(result).toEqual({ claimed: 1, resent: 0 });
    const [delivery] = await db.select().from(reminderDeliveries).where(eq(reminderDeliveries.userId, student.id));
    expect(send).toHaveBeenCalledWith([{ name: "reminder/due", data: { deliveryId: delivery!.id }, id: delivery!.id }]);
  });

  it("never runs two sweeps at once, in UTC, and the ticker runs the same job", () => {
    const sweep = periodicFunctions.find((fn) => fn.id() === "sweep-reminders")!;
    const config = JSON.stringify(sweep["getConfig"]({ baseUrl: new URL("http://localhost/api/inngest"), appPrefix: "musbook" }));
    expect(config).toContain('"cron":"TZ=UTC * * * * *"');
    expect(config).toMatch(/"concurrency":\[\{"limit":1\}\]|"concurrency":\{"limit":1\}/);
    expect(periodicJobs.find((job) => job.id === "sweep-reminders")).toMatchObject({ everyMs: MINUTE });
  });

  it("delivers a reminder channel by channel as steps, once, and a rerun of the same event sends nothing more", async () => {
    const { student, lesson } = await lessonDueNow();
    await sweepOnInngest();
    const [delivery] = await db.select().from(reminderDeliveries).where(eq(reminderDeliveries.userId, student.id));
    const deliver = eventFunctions.find((fn) => fn.id() === "deliver-reminder")!;
    const events: [{ name: string; data: { deliveryId: string } }] = [{ name: "reminder/due", data: { deliveryId: delivery!.id } }];
    const first = await new InngestTestEngine({ function: deliver, events }).execute();
    expect(first.error).toBeUndefined();
    expect(first.result).toEqual([{ deliveryId: delivery!.id, outcome: "sent", channels: ["inApp", "email", "push"] }]);
    const [notice] = await remindersIn(student);
    expect(notice).toMatchObject({ link: `/lessons/${lesson.id}` });
    const again = await new InngestTestEngine({ function: deliver, events }).execute();
    expect(again.result).toEqual([{ deliveryId: delivery!.id, outcome: "already-done", channels: [] }]);
    expect(await remindersIn(student)).toHaveLength(1);
    expect(await emailsTo(student)).toHaveLength(1);
    expect(pushedUserIds).toEqual([student.id]);
  });

  it("takes reminders due together as one batch of events (up to 100), each event still its own delivery", async () => {
    const first = await lessonDueNow();
    const second = await lessonDueNow();
    await sweepOnInngest();
    const deliver = eventFunctions.find((fn) => fn.id() === "deliver-reminder")!;
    const config = JSON.stringify(deliver["getConfig"]({ baseUrl: new URL("http://localhost/api/inngest"), appPrefix: "musbook" }));
    expect(config).toContain('"batchEvents":{"maxSize":100,"timeout":"5s"}');
    const deliveries = await db
      .select()
      .from(reminderDeliveries)
      .where(inArray(reminderDeliveries.userId, [first.student.id, second.student.id]));
    const events = deliveries.map((delivery) => ({ name: "reminder/due", data: { deliveryId: delivery.id } })) as [
      { name: string; data: { deliveryId: string } },
    ];
    const { result, error } = await new InngestTestEngine({ function: deliver, events }).execute();
    expect(error).toBeUndefined();
    expect(result).toHaveLength(2);
    expect((result as { outcome: string }[]).every((delivery) => delivery.outcome === "sent")).toBe(true);
    for (const { student } of [first, second]) expect(await remindersIn(student)).toHaveLength(1);
  });

  it("a lesson cancelled before its delivery runs is not sent", async () => {
    const { student, lesson } = await lessonDueNow();
    await sweepOnInngest();
    await db.update(lessons).set({ status: "cancelled", cancelledAt: new Date() }).where(eq(lessons.id, lesson.id));
    const [delivery] = await db.select().from(reminderDeliveries).where(eq(reminderDeliveries.userId, student.id));
    const deliver = eventFunctions.find((fn) => fn.id() === "deliver-reminder")!;
    const { result } = await new InngestTestEngine({
      function: deliver,
      events: [{ name: "reminder/due", data: { deliveryId: delivery!.id } }],
    }).execute();
    expect(result).toEqual([{ deliveryId: delivery!.id, outcome: "lesson-changed", channels: [] }]);
    expect(await remindersIn(student)).toEqual([]);
  });
});
