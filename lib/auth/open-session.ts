import "server-only";
import type { Route } from "next";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";

/**
 * Gives this browser a session from a sign-in ticket (a verified challenge: a password just checked, or a
 * code just entered) and redirects to `redirectTo`, which ends the request by throwing. It returns only
 * when Auth.js refused the ticket (used or expired meanwhile); the caller says what happens then.
 */
export async function openSession(ticket: string, redirectTo: string): Promise<void> {
  let destination: string;
  try {
    destination = await signIn("two-factor", { ticket, redirect: false, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) return;
    throw error;
  }
  redirect(destination as Route);
}
