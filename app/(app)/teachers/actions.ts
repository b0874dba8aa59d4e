"use server";

import { acceptInvitation, declineInvitation, endConnection } from "@/lib/connections";
import { userAction } from "@/lib/server-action";

export const acceptInvitationAction = userAction(acceptInvitation, { revalidate: ["/teachers", "/dashboard"] });

export const declineInvitationAction = userAction(declineInvitation, { revalidate: ["/teachers", "/dashboard"] });

export const endConnectionWithTeacherAction = userAction(endConnection, { revalidate: ["/teachers"] });
