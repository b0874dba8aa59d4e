import "server-only";
import { AuthError } from "next-auth";
import { signIn } from "@/auth";

/**
 * Gives this browser a session from a sign-in ticket (a verified challenge: a password just checked, or a
 * code just entered) and redirects to `redirectTo`, which ends the request by throwing. It returns only
 * when Auth.js refused the ticket (used or expired meanwhile); the caller says what happens then.
 */
export async function openSession(ticket: string, redirectTo: string): Promise<void> {
  try {
    await signIn("two-factor", { ticket, redirectTo });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
  }
}
