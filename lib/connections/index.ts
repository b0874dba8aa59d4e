export { announceWaitingInvitations, cancelInvitation, invitationLink, inviteStudent, resendInvitation } from "./invitations";
export { addNote, deleteNote, updateNote } from "./notes";
export { acceptInvitation, declineInvitation, endConnection, setBookingMode, setMessagingLocked } from "./relationship";
