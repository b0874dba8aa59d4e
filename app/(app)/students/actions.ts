"use server";

import type { FormState } from "@/lib/actions";
import { cancelInvitation, inviteStudent, resendInvitation } from "@/lib/connections";
import { actAsCurrentUser } from "@/lib/server-action";

export async function inviteStudentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser(inviteStudent, formData, ["/students"]);
}

export async function resendInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser(resendInvitation, formData, ["/students"]);
}

export async function cancelInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser(cancelInvitation, formData, ["/students"]);
}
