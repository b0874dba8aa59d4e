export { assertTeacherOf, canSendMessage, findConnectionFor, findInvitationFor, findNoteFor, isConnected, isExpired, INVITATION_TTL_MS, type ConnectionActor } from "./access";
export { announceWaitingInvitations, cancelInvitation, invitationLink, inviteStudent, resendInvitation } from "./invitations";
export { addNote, deleteNote, updateNote } from "./notes";
export { acceptInvitation, declineInvitation, endConnection, setMessagingLocked } from "./relationship";
