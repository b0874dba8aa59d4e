import { and, eq, gt, isNull, ne, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { assignments, connections, emailVerificationTokens, lessons, messages, users, type User } from "@/db/schema";
import { invalid, type ActionResult } from "@/lib/actions";
import { findUserById, normalizeEmail } from "@/lib/auth/credentials";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { runAfterResponse } from "@/lib/background";
import { sendEmail } from "@/lib/email";
import { AccountNotice } from "@/lib/email/templates/account-notice";
import { deleteAccountSchema, emailChangeSchema, passwordChangeSchema, profileSchema, signOutEverywhereSchema } from "./settings-schemas";
import { appUrl } from "@/lib/env";
import { invalidatePasswordResetTokens } from "./password-reset";
import { issueEmailVerificationToken } from "./sign-up";

/** Only the id is trusted: everything else is read again from the database. */
export type SettingsActor = Pick<User, "id">;

const SESSION_ENDED: ActionResult<never> = { ok: false, error: "Your account could not be found. Sign in again." };
const WRONG_PASSWORD: ActionResult<never> = {
  ok: false,
  error: "That password is not correct.",
  fieldErrors: { currentPassword: "That password is not correct." },
};

function sendNotice(label: string, to: string, subject: string, notice: Parameters<typeof AccountNotice>[0]): void {
  runAfterResponse(label, () => sendEmail({ to, subject, react: AccountNotice(notice) }));
}

export async function updateProfile(actor: SettingsActor, raw: unknown): Promise<ActionResult> {
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const { name, phone, timezone, bio, instruments } = parsed.data;
  const [updated] = await db
    .update(users)
    .set({ name, phone, timezone, bio, instruments })
    .where(eq(users.id, actor.id))
    .returning({ id: users.id });
  if (!updated) return SESSION_ENDED;
  return { ok: true, message: "Your profile is saved." };
}

/** Same answer whether or not the new address has an account; the address changes only when the link is opened. */
export async function requestEmailChange(actor: SettingsActor, raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = emailChangeSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const user = await findUserById(actor.id);
  if (!user) return SESSION_ENDED;
  if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) return WRONG_PASSWORD;
  const newEmail = normalizeEmail(parsed.data.newEmail);
  if (newEmail === normalizeEmail(user.email)) {
    return { ok: false, error: "That is already your email address.", fieldErrors: { newEmail: "That is already your email address." } };
  }

  const token = await issueEmailVerificationToken(user.id, newEmail, now);

  sendNotice("email change link", newEmail, "Confirm your new email address", {
    name: user.name,
    preview: "Confirm your new MusBook email address",
    paragraphs: [
      "You asked to use this address for your MusBook account. Confirm it to finish the change.",
      "The link works once and expires in 24 hours. Until you open it, your account keeps its current address.",
    ],
    action: { label: "Confirm my new email", url: appUrl(`/verify-email?token=${token}`) },
  });
  sendNotice("email change notice", user.email, "Your MusBook email address is changing", {
    name: user.name,
    preview: "Someone asked to change your MusBook email address",
    paragraphs: [
      `Someone signed in to your MusBook account asked to change its email address to ${newEmail}. Nothing changes until that address is confirmed.`,
      "If this wasn't you, sign in, change your password and use “Sign out everywhere”.",
    ],
    action: { label: "Open MusBook settings", url: appUrl("/settings/security") },
  });
  return { ok: true, message: `We sent a confirmation link to ${newEmail}. Your email address changes once you open it.` };
}

export async function pendingEmailChange(actor: SettingsActor, now = new Date()): Promise<{ email: string; expiresAt: Date } | null> {
  const [pending] = await db
    .select({ email: emailVerificationTokens.email, expiresAt: emailVerificationTokens.expiresAt })
    .from(emailVerificationTokens)
    .innerJoin(users, eq(users.id, emailVerificationTokens.userId))
    .where(
      and(
        eq(emailVerificationTokens.userId, actor.id),
        isNull(emailVerificationTokens.usedAt),
        gt(emailVerificationTokens.expiresAt, now),
        ne(sql`lower(${emailVerificationTokens.email})`, sql`lower(${users.email})`),
      ),
    )
    .limit(1);
  return pending ?? null;
}

/** Bumping the session version ends every session (the caller signs this browser in again) and kills reset links. */
export async function changePassword(actor: SettingsActor, raw: unknown, now = new Date()): Promise<ActionResult> {
  const parsed = passwordChangeSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const user = await findUserById(actor.id);
  if (!user) return SESSION_ENDED;
  if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) return WRONG_PASSWORD;
  const problem = passwordProblem(parsed.data.newPassword, [user.name, user.email]);
  if (problem) return { ok: false, error: "Please choose a stronger password.", fieldErrors: { newPassword: problem } };

  const passwordHash = await hashPassword(parsed.data.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    await invalidatePasswordResetTokens(user.id, tx, now);
  });

  sendNotice("password changed email", user.email, "Your MusBook password was changed", {
    name: user.name,
    preview: "Your MusBook password was changed",
    paragraphs: [
      "The password of your MusBook account was just changed, and every other device was signed out.",
      "If this wasn't you, reset your password from the sign-in page straight away.",
    ],
    action: { label: "Go to sign-in", url: appUrl("/sign-in") },
  });
  return { ok: true, message: "Your password was changed. Every other device has been signed out." };
}

export async function signOutEverywhere(actor: SettingsActor, raw: unknown): Promise<ActionResult> {
  const parsed = signOutEverywhereSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, "Confirm that you want to sign out everywhere.");
  const [updated] = await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, actor.id))
    .returning({ id: users.id });
  if (!updated) return SESSION_ENDED;
  return { ok: true, message: "You have been signed out on every device." };
}

export interface DeletionSummary {
  connections: number;
  upcomingLessons: number;
  lessons: number;
  messages: number;
  assignments: number;
}

export async function deletionSummary(actor: SettingsActor, now = new Date()): Promise<DeletionSummary> {
  const mine = or(eq(connections.teacherId, actor.id), eq(connections.studentId, actor.id));
  const [[connectionCount], [lessonCounts], [messageCount], [assignmentCount]] = await Promise.all([
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(connections)
      .where(mine),
    db
      .select({
        all: sql<number>`count(*)::int`,
        upcoming: sql<number>`(count(*) filter (where ${and(eq(lessons.status, "scheduled"), gt(lessons.startsAt, now))}))::int`,
      })
      .from(lessons)
      .where(or(eq(lessons.teacherId, actor.id), eq(lessons.studentId, actor.id))),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(messages)
      .innerJoin(connections, eq(connections.id, messages.connectionId))
      .where(mine),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(assignments)
      .innerJoin(connections, eq(connections.id, assignments.connectionId))
      .where(mine),
  ]);
  return {
    connections: connectionCount?.count ?? 0,
    lessons: lessonCounts?.all ?? 0,
    upcomingLessons: lessonCounts?.upcoming ?? 0,
    messages: messageCount?.count ?? 0,
    assignments: assignmentCount?.count ?? 0,
  };
}

/** Foreign keys cascade through the user's connections; the other party's account and other connections are untouched. */
export async function deleteAccount(actor: SettingsActor, raw: unknown): Promise<ActionResult> {
  const parsed = deleteAccountSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error);
  const user = await findUserById(actor.id);
  if (!user) return SESSION_ENDED;
  if (!(await verifyPassword(user.passwordHash, parsed.data.currentPassword))) return WRONG_PASSWORD;

  await db.delete(users).where(eq(users.id, user.id));
  sendNotice("account deleted email", user.email, "Your MusBook account was deleted", {
    name: user.name,
    preview: "Your MusBook account was deleted",
    paragraphs: [
      "Your MusBook account and everything in it have been deleted, as you asked. This cannot be undone.",
      "You are welcome back any time with a new account.",
    ],
  });
  return { ok: true, message: "Your account has been deleted." };
}
