import "server-only";
import { revalidatePath } from "next/cache";
import type { User } from "@/db/schema";
import { formValues, type AnyActionResult, type FormState } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";

/**
 * The body of a thin server action: the signed-in user (re-checked against the database), the
 * domain function with the form's fields, and on success the sections (path and below) to re-render. Authorization is
 * the domain function's job; data on success stays on the server.
 */
export async function actAsCurrentUser(
  domain: (actor: User, raw: unknown) => Promise<AnyActionResult>,
  formData: FormData,
  revalidate: string[],
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Your session has ended. Sign in again." };
  const result = await domain(user, formValues(formData));
  if (!result.ok) return result;
  for (const path of revalidate) revalidatePath(path, "layout");
  return { ok: true, message: result.message };
}
