// Lock order: connection row, then the parties' schedules (lockSchedules, when booking time), then lesson rows (or an assignment or practice entry under it), then their reschedule proposals; lesson requests after the connection
// and after any lesson row the transaction changes, so no two transactions wait on each other in a cycle.
// Work adding rows under a connection takes it `for share`, so it cannot slip in beside one ending it `for update`.
export { idField, isUuid, parseId } from "./ids";
export {
  canSendMessage,
  composerStateFor,
  findAssignmentFor,
  findConnectionFor,
  findConversationFor,
  findInvitationFor,
  findLessonFor,
  findNoteFor,
  findPracticeEntryFor,
  isConnected,
  type AcceptedConnection,
  type ConnectionState,
  type Conversation,
  type FindConnectionOptions,
} from "./lookups";
export {
  acceptedConnectionsOf,
  allAcceptedConnections,
  assignmentsOf,
  connectionsOf,
  eventsOf,
  INVITATION_TTL_MS,
  invitationCutoff,
  invitationsAddressedTo,
  isAccepted,
  isExpired,
  lessonRequestsOf,
  lessonsOf,
  notesOf,
  otherPartyOfConnection,
  otherPartyOfLesson,
  practiceOf,
  rescheduleProposalsOf,
  sharedHistoryOf,
  unclaimedInvitationsTo,
} from "./scopes";
export { otherPartyId, type Viewer, type ViewerWithEmail } from "./viewer";
