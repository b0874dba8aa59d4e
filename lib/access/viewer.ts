import type { User } from "@/db/schema";

/** Who is reading or writing: the only fields the access rules read. */
export type Viewer = Pick<User, "id" | "role" | "name">;

/** A viewer with their address, for the rules about invitations sent to it. */
export type ViewerWithEmail = Viewer & Pick<User, "email" | "emailVerifiedAt">;

/** The other party of a lesson or connection. */
export function otherPartyId(viewer: Pick<Viewer, "id">, parties: { teacherId: string; studentId: string | null }): string {
  return (viewer.id === parties.teacherId ? parties.studentId : parties.teacherId) as string;
}
