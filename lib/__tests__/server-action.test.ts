import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { User } from "@/db/schema";
import { invalid, SESSION_ENDED, type ActionResult } from "@/lib/actions";

const session = vi.hoisted(() => ({ user: null as User | null }));
const revalidatePath = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/auth/rate-limit", () => ({ clientIp: async () => "192.0.2.7" }));
vi.mock("next/cache", () => ({ revalidatePath }));

const { actionKind, anonymousAction, userAction } = await import("@/lib/server-action");

const me = { id: "3b241101-e2bb-4255-8caf-4136c566a962", name: "Amelia" } as User;
const schema = z.strictObject({ title: z.string().trim().min(1, "Give it a title."), minutes: z.coerce.number().int().positive() });

// A domain function as every one is written: actor first, input validated with zod, data on success.
const rename = vi.fn(async (actor: User, raw: unknown): Promise<ActionResult<{ by: string; title: string; minutes: number }>> => {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  return { ok: true, message: "Saved.", data: { by: actor.id, ...parsed.data } };
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

afterEach(() => {
  session.user = null;
  vi.clearAllMocks();
});

describe("userAction", () => {
  it("answers SESSION_ENDED without a session, and neither calls the domain nor revalidates", async () => {
    const onSuccess = vi.fn();
    const action = userAction(rename, { revalidate: ["/lessons"], onSuccess });
    expect(await action(undefined, form({ title: "Scales", minutes: "30" }))).toEqual(SESSION_ENDED);
    expect(await action(undefined, { title: "Scales", minutes: 30 })).toEqual(SESSION_ENDED);
    expect(rename).not.toHaveBeenCalled();
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it("hands the domain a form's text fields as a plain object, without React's own fields", async () => {
    session.user = me;
    const action = userAction(rename);
    await action(undefined, form({ title: "Scales", minutes: "30", $ACTION_ID_abc: "" }));
    expect(rename).toHaveBeenCalledWith(me, { title: "Scales", minutes: "30" });
  });

  it("returns the domain's field errors for invalid input, and revalidates nothing", async () => {
    session.user = me;
    const action = userAction(rename, { revalidate: ["/lessons"] });
    const result = await action(undefined, { title: " ", minutes: "-5", role: "admin" });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { title: "Give it a title.", minutes: expect.any(String), form: expect.any(String) },
    });
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("revalidates each path and everything below it on success, and carries the data back", async () => {
    session.user = me;
    const action = userAction(rename, { revalidate: ["/lessons", "/calendar"] });
    expect(await action(undefined, { title: "Scales", minutes: 30 })).toEqual({
      ok: true,
      message: "Saved.",
      data: { by: me.id, title: "Scales", minutes: 30 },
    });
    expect(revalidatePath.mock.calls).toEqual([
      ["/lessons", "layout"],
      ["/calendar", "layout"],
    ]);
  });

  it("ignores the previous state a browser sends back", async () => {
    session.user = me;
    const action = userAction(rename);
    const forged = { ok: true, data: { by: "someone-else" } };
    expect(await action(forged, { title: "Scales", minutes: 30 })).toMatchObject({ data: { by: me.id } });
  });

  it("runs the follow-up after success only, with the result and the actor, and lets it replace the answer", async () => {
    session.user = me;
    const onSuccess = vi.fn(async () => ({ ok: false as const, error: "Could not sign in again." }));
    const action = userAction(rename, { revalidate: ["/settings"], onSuccess });
    await action(undefined, { title: "", minutes: 30 });
    expect(onSuccess).not.toHaveBeenCalled();
    expect(await action(undefined, { title: "Scales", minutes: 30 })).toEqual({ ok: false, error: "Could not sign in again." });
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ ok: true, data: expect.objectContaining({ title: "Scales" }) }), me);
    expect(revalidatePath).toHaveBeenCalledBefore(onSuccess);
  });

  it("keeps the domain's answer when the follow-up returns nothing", async () => {
    session.user = me;
    const action = userAction(rename, { onSuccess: async () => undefined });
    expect(await action(undefined, { title: "Scales", minutes: 30 })).toMatchObject({ ok: true, message: "Saved." });
  });
});

describe("anonymousAction", () => {
  it("runs without a session, for the visitor's address", async () => {
    const signUp = vi.fn(async (visitor: { ip: string }, raw: unknown): Promise<ActionResult> => ({
      ok: true,
      message: `${visitor.ip} ${JSON.stringify(raw)}`,
    }));
    const action = anonymousAction(signUp);
    expect(await action(undefined, form({ email: "a@example.com" }))).toEqual({ ok: true, message: '192.0.2.7 {"email":"a@example.com"}' });
  });
});

describe("actionKind", () => {
  it("tells the wrapper's actions, and which need a session, from anything else", () => {
    expect(actionKind(userAction(rename))).toBe("user");
    expect(actionKind(anonymousAction(async () => ({ ok: true }) as ActionResult))).toBe("anonymous");
    expect(actionKind(async () => SESSION_ENDED)).toBeUndefined();
  });
});
