import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import { isUniqueViolation } from "@/db/errors";
import type { TransactionScope } from "@/db/transaction";
import { inTransaction } from "@/db/transaction";
import { connections, users, type Connection } from "@/db/schema";
import { invalid, type ActionResult } from "@/lib/actions";
import { findUserByEmail, normalizeEmail } from "@/lib/auth/credentials";
import { consumeRateLimit, describeWait } from "@/lib/auth/rate-limit";
import { createSecretToken } from "@/lib/auth/secret-tokens";
import { runAfterResponse } from "@/lib/background";
import { sendEmail } from "@/lib/email";
import { ConnectionInvite } from "@/lib/email/templates/connection-invite";
import { appUrl } from "@/lib/env";
import { notify } from "@/lib/notifications";
import { connectionsOf, findConnectionFor, isAccepted, isExpired, unclaimedInvitationsTo, type ViewerWithEmail } from "@/lib/access";
import { NOT_FOUND } from "./answers";
import { connectionRefSchema, inviteSchema } from "./schemas";

/** Built from APP_URL only, never a request's Host header. */
export function invitationLink(token: string, hasAccount: boolean): string {
  return hasAccount ? appUrl(`/teachers?invite=${token}`) : appUrl(`/sign-up?role=student&invite=${token}`);
}

function teacherMayInvite(actor: ViewerWithEmail): ActionResult<never> | null {
  if (actor.role !== "teacher") return { ok: false, error: "Only teachers can invite students." };
  if (!actor.emailVerifiedAt) return { ok: false, error: "Confirm your email address before inviting students." };
  return null;
}

async function rateLimited(actor: ViewerWithEmail): Promise<ActionResult<never> | null> {
  const limit = await consumeRateLimit("invite", actor.id);
  return limit.ok
    ? null
    : { ok: false, error: `You have sent a lot of invitations today. Try again in ${describeWait(limit.retryAfterSeconds)}.` };
}

function sendInvitationEmail(teacher: ViewerWithEmail, to: string, message: string | null, token: string, hasAccount: boolean): void {
  const url = invitationLink(token, hasAccount);
  runAfterResponse("invitation email", () =>
    sendEmail({
      to,
      subject: `${teacher.name} invited you to MusBook`,
      react: ConnectionInvite({ teacherName: teacher.name, message, url, hasAccount }),
    }),
  );
}

const alreadyInvited = {
  ok: false,
  error: "You have already invited this address. Resend the invitation from your pending invitations.",
  fieldErrors: { email: "Already invited: resend it from the list below." },
} as const;

/** A declined, ended or expired earlier row is reused so its history stays attached. */
export async function inviteStudent(
  actor: ViewerWithEmail,
  raw: unknown,
  now = new Date(),
): Promise<ActionResult<{ connectionId: string }>> {
  const refused = teacherMayInvite(actor);
  if (refused) return refused;
  const parsed = inviteSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const email = normalizeEmail(parsed.data.email);
  const { message } = parsed.data;
  if (email === normalizeEmail(actor.email)) {
    return { ok: false, error: "You can't invite yourself.", fieldErrors: { email: "This is your own address." } };
  }
  const student = await findUserByEmail(email);
  if (student?.role === "teacher") {
    return {
      ok: false,
      error: "That address belongs to a teacher account.",
      fieldErrors: { email: "That address belongs to a teacher account." },
    };
  }
  const limited = await rateLimited(actor);
  if (limited) return limited;

  const { token, hash } = createSecretToken();
  try {
    const outcome = await inTransaction(async (scope) => {
      const [earlier] = await scope.tx
        .select()
        .from(connections)
        .where(
          and(
            connectionsOf(actor),
            or(
              student ? eq(connections.studentId, student.id) : sql`false`,
              and(isNull(connections.studentId), sql`lower(${connections.invitedEmail}) = ${email}`),
            ),
          ),
        )
        .orderBy(sql`${connections.studentId} is null`, desc(connections.invitedAt))
        .limit(1)
        .for("update");
      if (earlier && isAccepted(earlier)) return "connected" as const;
      if (earlier?.status === "pending" && !isExpired(earlier, now)) return "pending" as const;

      const invitation = {
        studentId: student?.id ?? earlier?.studentId ?? null,
        invitedEmail: email,
        inviteMessage: message,
        inviteTokenHash: hash,
        status: "pending" as const,
        messagingLocked: false,
        invitedAt: now,
        respondedAt: null,
        endedAt: null,
        endedById: null,
      };
      const [row] = earlier
        ? await scope.tx.update(connections).set(invitation).where(eq(connections.id, earlier.id)).returning()
        : await scope.tx
            .insert(connections)
            .values({ teacherId: actor.id, ...invitation })
            .returning();
      if (student) {
        await notify(
          [student.id],
          { type: "connection.invited", title: `${actor.name} invited you to be their student`, link: "/teachers" },
          scope,
        );
      }
      return row!;
    });
    if (outcome === "connected")
      return { ok: false, error: "You are already connected with this student.", fieldErrors: { email: "Already one of your students." } };
    if (outcome === "pending") return alreadyInvited;
    sendInvitationEmail(actor, email, message, token, Boolean(student));
    return { ok: true, message: `Invitation sent to ${email}.`, data: { connectionId: outcome.id } };
  } catch (error) {
    // Two invitations racing for one address: the partial unique index keeps one.
    if (isUniqueViolation(error)) return alreadyInvited;
    throw error;
  }
}

export async function resendInvitation(actor: ViewerWithEmail, raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = connectionRefSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const pending = await findConnectionFor(actor, parsed.data.connectionId, { as: "teacher", state: "pending" });
  if (!pending) return NOT_FOUND;
  const refused = teacherMayInvite(actor);
  if (refused) return refused;
  const limited = await rateLimited(actor);
  if (limited) return limited;

  const { token, hash } = createSecretToken();
  const updated = await inTransaction(async ({ tx }) => {
    const locked = await findConnectionFor(actor, pending.id, { as: "teacher", state: "pending", lock: "update" }, tx);
    if (!locked) return null;
    const [row] = await tx
      .update(connections)
      .set({ inviteTokenHash: hash, invitedAt: now })
      .where(eq(connections.id, locked.id))
      .returning();
    return row!;
  });
  if (!updated) return NOT_FOUND;
  sendInvitationEmail(
    actor,
    updated.invitedEmail,
    updated.inviteMessage,
    token,
    Boolean(updated.studentId ?? (await findUserByEmail(updated.invitedEmail))),
  );
  return { ok: true, message: `Invitation sent again to ${updated.invitedEmail}.` };
}

/** An address-only invitation has nothing attached and is deleted; one tied to an account is closed as revoked. */
export async function cancelInvitation(actor: ViewerWithEmail, raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = connectionRefSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const cancelled = await inTransaction(async ({ tx }) => {
    const pending: Connection | null = await findConnectionFor(
      actor,
      parsed.data.connectionId,
      { as: "teacher", state: "pending", lock: "update" },
      tx,
    );
    if (!pending) return false;
    if (pending.studentId === null) await tx.delete(connections).where(eq(connections.id, pending.id));
    else {
      await tx
        .update(connections)
        .set({ status: "revoked", inviteTokenHash: null, endedAt: now, endedById: actor.id })
        .where(eq(connections.id, pending.id));
    }
    return true;
  });
  return cancelled ? { ok: true, message: "Invitation cancelled." } : NOT_FOUND;
}

export async function announceWaitingInvitations(
  student: { id: string; email: string },
  scope: TransactionScope,
  now = new Date(),
): Promise<void> {
  const waiting = await scope.tx
    .select({ teacherName: users.name })
    .from(connections)
    .innerJoin(users, eq(users.id, connections.teacherId))
    .where(unclaimedInvitationsTo(normalizeEmail(student.email), now));
  for (const { teacherName } of waiting) {
    await notify(
      [student.id],
      { type: "connection.invited", title: `${teacherName} invited you to be their student`, link: "/teachers" },
      scope,
    );
  }
}
