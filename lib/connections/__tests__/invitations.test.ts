import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { connections, emailOutbox, users } from "@/db/schema";
import { signUp, verifyEmail } from "@/lib/accounts/sign-up";
import { consumeRateLimit } from "@/lib/auth/rate-limit";
import { linksIn } from "@/lib/email/outbox";
import { hashSecretToken } from "@/lib/auth/secret-tokens";
import {
  acceptInvitation,
  cancelInvitation,
  declineInvitation,
  endConnection,
  invitationLink,
  inviteStudent,
  resendInvitation,
} from "@/lib/connections";
import { INVITATION_TTL_MS } from "@/lib/access";
import { setupTestDatabase } from "@/tests/database";
import { createConnectedPair, createUser } from "@/tests/factories";
import { connectionRow, inviteLinkIn, lastEmailTo, notificationsOf } from "./helpers";

vi.mock("@/lib/realtime", () => ({ publish: async () => true }));

setupTestDatabase();

const unique = () => Math.random().toString(36).slice(2, 10);
const teacher = () => createUser({ role: "teacher", name: `Clara ${unique()}` });

describe("inviting a student", () => {
  it("invites an unknown address with a sign-up link built from APP_URL; only the token's hash is stored", async () => {
    const actor = await teacher();
    const email = `New.Student-${unique()}@Example.com`;
    const result = await inviteStudent(actor, { email, message: "Looking forward to our lessons!\nBring your Czerny." });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const row = await connectionRow(result.data.connectionId);
    expect(row).toMatchObject({ teacherId: actor.id, studentId: null, invitedEmail: email.toLowerCase(), status: "pending" });
    const link = await inviteLinkIn(email.toLowerCase());
    expect(link).toMatch(/^http:\/\/localhost:3000\/sign-up\?role=student&invite=[\w-]{43}$/);
    const token = new URL(link!).searchParams.get("invite")!;
    expect(row!.inviteTokenHash).toBe(hashSecretToken(token));
    expect((await lastEmailTo(email.toLowerCase()))!.html).toContain("Bring your Czerny.");
  });

  it("tells an existing student in the app and by email, with a link to their teachers page", async () => {
    const actor = await teacher();
    const student = await createUser({ role: "student" });
    expect(await inviteStudent(actor, { email: student.email.toUpperCase() })).toMatchObject({ ok: true });
    expect(await inviteLinkIn(student.email)).toMatch(/^http:\/\/localhost:3000\/teachers\?invite=[\w-]{43}$/);
    const [notification] = await notificationsOf(student.id);
    expect(notification).toMatchObject({ type: "connection.invited", link: "/teachers" });
  });

  it("answers each refusal clearly", async () => {
    const actor = await teacher();
    const otherTeacher = await teacher();
    const { teacher: connectedTeacher, student: connected } = await createConnectedPair();
    expect(await inviteStudent(actor, { email: actor.email })).toMatchObject({
      ok: false,
      fieldErrors: { email: "This is your own address." },
    });
    expect(await inviteStudent(actor, { email: otherTeacher.email })).toMatchObject({
      ok: false,
      error: "That address belongs to a teacher account.",
    });
    expect(await inviteStudent(connectedTeacher, { email: connected.email })).toMatchObject({
      ok: false,
      error: "You are already connected with this student.",
    });
    const email = `twice-${unique()}@example.com`;
    expect(await inviteStudent(actor, { email })).toMatchObject({ ok: true });
    expect(await inviteStudent(actor, { email })).toMatchObject({ ok: false, error: expect.stringContaining("already invited") });
    const student = await createUser({ role: "student" });
    expect(await inviteStudent(student, { email: `x-${unique()}@example.com` })).toMatchObject({
      ok: false,
      error: "Only teachers can invite students.",
    });
    const unverified = await createUser({ role: "teacher", emailVerifiedAt: null });
    expect(await inviteStudent(unverified, { email: `y-${unique()}@example.com` })).toMatchObject({
      ok: false,
      error: expect.stringContaining("Confirm your email"),
    });
  });

  it("answers bad input with field errors, never an exception, and rejects forged fields", async () => {
    const actor = await teacher();
    const cases: [unknown, string][] = [
      [{ email: "not-an-email" }, "email"],
      [{ email: "" }, "email"],
      [{ email: "a@example.com", message: "x".repeat(10_240) }, "message"],
      [{ email: "a@example.com", message: "hi\u202Eevil" }, "message"],
      [{ email: "a@example.com", teacherId: actor.id }, "form"],
      [{ email: "a@example.com", studentId: actor.id }, "form"],
      [{ email: "a@example.com", status: "accepted" }, "form"],
    ];
    for (const [input, field] of cases) {
      const result = await inviteStudent(actor, input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toContain(field);
    }
    expect(await inviteStudent(actor, null)).toMatchObject({ ok: false });
    expect(await db.select().from(connections).where(eq(connections.teacherId, actor.id))).toHaveLength(0);
  });

  it("is rate limited per teacher (50 a day)", async () => {
    const actor = await teacher();
    for (let sent = 0; sent < 50; sent++) await consumeRateLimit("invite", actor.id);
    const result = await inviteStudent(actor, { email: `limited-${unique()}@example.com` });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("Try again in") });
  });

  it("re-invites after a decline or an end by reusing the one row per teacher and student, history attached", async () => {
    const { teacher: actor, student, connection } = await createConnectedPair();
    expect(await endConnection(student, { connectionId: connection.id })).toMatchObject({ ok: true });
    const again = await inviteStudent(actor, { email: student.email });
    expect(again).toMatchObject({ ok: true, data: { connectionId: connection.id } });
    expect(await connectionRow(connection.id)).toMatchObject({ status: "pending", endedAt: null, studentId: student.id });
    expect(await declineInvitation(student, { connectionId: connection.id })).toMatchObject({ ok: true });
    expect(await inviteStudent(actor, { email: student.email })).toMatchObject({ ok: true, data: { connectionId: connection.id } });
    expect(await acceptInvitation(student, { connectionId: connection.id })).toMatchObject({ ok: true });
    expect(await db.select().from(connections).where(eq(connections.teacherId, actor.id))).toHaveLength(1);
  });

  it("treats invitations older than 30 days as expired: they cannot be accepted, and inviting again renews them", async () => {
    const actor = await teacher();
    const student = await createUser({ role: "student" });
    const result = await inviteStudent(actor, { email: student.email });
    if (!result.ok) throw new Error(result.error);
    const { connectionId } = result.data;
    await db
      .update(connections)
      .set({ invitedAt: new Date(Date.now() - INVITATION_TTL_MS - 1000) })
      .where(eq(connections.id, connectionId));
    expect(await acceptInvitation(student, { connectionId })).toMatchObject({
      ok: false,
      error: "This invitation is no longer available.",
    });
    expect(await inviteStudent(actor, { email: student.email })).toMatchObject({ ok: true, data: { connectionId } });
    expect(await acceptInvitation(student, { connectionId })).toMatchObject({ ok: true });
  });

  it("joins an address-only invitation to the student's earlier connection with that teacher", async () => {
    const { teacher: actor, student, connection } = await createConnectedPair();
    await endConnection(actor, { connectionId: connection.id });
    // The student later uses a new address, and the teacher invites that address.
    const [invite] = await db
      .insert(connections)
      .values({ teacherId: actor.id, invitedEmail: `new-${student.email}`, status: "pending" })
      .returning();
    await db
      .update(users)
      .set({ email: `new-${student.email}` })
      .where(eq(users.id, student.id));
    const accepted = await acceptInvitation({ ...student, email: `new-${student.email}` }, { connectionId: invite!.id });
    expect(accepted).toMatchObject({ ok: true, data: { connectionId: connection.id } });
    expect(await connectionRow(invite!.id)).toBeUndefined();
    expect(await connectionRow(connection.id)).toMatchObject({ status: "accepted" });
  });
});

describe("signing up with an invited address", () => {
  it("tells the new student about the waiting invitation once their address is confirmed", async () => {
    const actor = await teacher();
    const email = `signs-up-${unique()}@example.com`;
    expect(await inviteStudent(actor, { email })).toMatchObject({ ok: true });
    expect(
      await signUp({ role: "student", name: "Fanny", email, password: "songs without words", timezone: "Europe/Berlin" }, "203.0.113.9"),
    ).toEqual({ ok: true });
    const [student] = await db.select().from(users).where(eq(users.email, email));
    expect(await notificationsOf(student!.id)).toEqual([]);
    const confirm = linksIn((await lastEmailTo(email))!.html).find((link) => link.includes("/verify-email"))!;
    expect(await verifyEmail({ token: new URL(confirm).searchParams.get("token") })).toMatchObject({ ok: true });
    expect((await notificationsOf(student!.id)).map((row) => [row.type, row.title])).toContainEqual([
      "connection.invited",
      `${actor.name} invited you to be their student`,
    ]);
  });
});

describe("resending and cancelling", () => {
  it("resends with a fresh link (the old one stops matching) and cancels", async () => {
    const actor = await teacher();
    const email = `resend-${unique()}@example.com`;
    const result = await inviteStudent(actor, { email });
    if (!result.ok) throw new Error(result.error);
    const firstLink = await inviteLinkIn(email);
    expect(await resendInvitation(actor, { connectionId: result.data.connectionId })).toMatchObject({ ok: true });
    const secondLink = await inviteLinkIn(email);
    expect(secondLink).not.toBe(firstLink);
    expect((await connectionRow(result.data.connectionId))!.inviteTokenHash).toBe(
      hashSecretToken(new URL(secondLink!).searchParams.get("invite")!),
    );
    expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).toHaveLength(2);

    expect(await cancelInvitation(actor, { connectionId: result.data.connectionId })).toMatchObject({ ok: true });
    expect(await connectionRow(result.data.connectionId)).toBeUndefined();
    expect(await resendInvitation(actor, { connectionId: result.data.connectionId })).toMatchObject({
      ok: false,
      error: "We couldn't find that connection.",
    });
  });

  it("closes (not deletes) a cancelled invitation tied to an account", async () => {
    const actor = await teacher();
    const student = await createUser({ role: "student" });
    const result = await inviteStudent(actor, { email: student.email });
    if (!result.ok) throw new Error(result.error);
    expect(await cancelInvitation(actor, { connectionId: result.data.connectionId })).toMatchObject({ ok: true });
    expect(await connectionRow(result.data.connectionId)).toMatchObject({ status: "revoked", endedById: actor.id });
    expect(await acceptInvitation(student, { connectionId: result.data.connectionId })).toMatchObject({ ok: false });
  });
});

describe("invitation links", () => {
  it("are built from APP_URL and never from request headers", async () => {
    const headers = vi.fn(() => {
      throw new Error("the link builder must not read headers");
    });
    vi.doMock("next/headers", () => ({ headers, cookies: headers }));
    expect(invitationLink("a".repeat(43), false)).toBe(`http://localhost:3000/sign-up?role=student&invite=${"a".repeat(43)}`);
    expect(invitationLink("b".repeat(43), true)).toBe(`http://localhost:3000/teachers?invite=${"b".repeat(43)}`);
    expect(headers).not.toHaveBeenCalled();
    vi.doUnmock("next/headers");
  });
});
