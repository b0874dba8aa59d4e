"use server";

import type { FormState } from "@/lib/actions";
import { acceptInvitation, declineInvitation, endConnection } from "@/lib/connections";
import { actAsCurrentUser } from "@/lib/server-action";

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser(acceptInvitation, formData, ["/teachers"]);
}

export async function declineInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser(declineInvitation, formData, ["/teachers"]);
}

export async function endConnectionWithTeacherAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser(endConnection, formData, ["/teachers"]);
}
