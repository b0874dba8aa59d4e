import { z } from "zod";
import { invalid, failure, type ActionResult } from "@/lib/actions";
import { registerAccount, verifyEmail } from "@/lib/accounts/sign-up";
import { findUserByEmail, normalizeEmail } from "@/lib/auth/credentials";
import { acceptInvitation, inviteStudent } from "@/lib/connections";

/**
 * For end-to-end tests: the accounts and connections a test starts from, made by the same domain functions as the
 * sign-up, confirmation, invitation and acceptance forms (each of which has specs of its own), in one request
 * instead of a dozen pages.
 */
export async function createConfirmedAccount(raw: unknown): Promise<ActionResult<{ userId: string }>> {
  const registered = await registerAccount(raw);
  if (!registered.ok) return registered;
  const confirmed = await verifyEmail({ token: registered.data.verificationToken });
  if (!confirmed.ok) return confirmed;
  return { ok: true, data: { userId: registered.data.userId } };
}

const testConnectionSchema = z.strictObject({ teacherEmail: z.string().max(254), studentEmail: z.string().max(254) });

export async function connectStudent(raw: unknown): Promise<ActionResult<{ connectionId: string }>> {
  const parsed = testConnectionSchema.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, "Send { teacherEmail, studentEmail } of two accounts.");
  const [teacher, student] = await Promise.all([
    findUserByEmail(normalizeEmail(parsed.data.teacherEmail)),
    findUserByEmail(normalizeEmail(parsed.data.studentEmail)),
  ]);
  if (!teacher || !student) return failure("not-found", "Both accounts must exist.");
  const invitation = await inviteStudent(teacher, { email: student.email });
  if (!invitation.ok) return invitation;
  return acceptInvitation(student, { connectionId: invitation.data.connectionId });
}
