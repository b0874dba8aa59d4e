"use server";

import { cancelInvitation, inviteStudent, resendInvitation } from "@/lib/connections";
import { userAction } from "@/lib/server-action";

export const inviteStudentAction = userAction(inviteStudent, { revalidate: ["/students"] });

export const resendInvitationAction = userAction(resendInvitation, { revalidate: ["/students"] });

export const cancelInvitationAction = userAction(cancelInvitation, { revalidate: ["/students"] });
