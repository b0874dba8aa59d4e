/**
 * Access: the one `Viewer` type, the query scopes every read and write builds from, and the lookups
 * that answer "may this viewer act on this id" (a refusal reads exactly like "not found").
 *
 * Lock order, in every domain: the connection row first, then lesson rows, then their reschedule
 * proposals; the connection's lesson requests after the connection row and after any lesson row the
 * transaction changes. No transaction takes an earlier lock after a later one, so two of them cannot
 * wait on each other in a cycle. Work that adds rows hanging off a connection (a request, the lessons
 * of an approval) first takes the connection row `for share`, so it cannot slip in beside a
 * transaction ending that connection, which takes it `for update`.
 */
export { idField, isUuid, parseId } from "./ids";
export {
  canSendMessage,
  findConnectionFor,
  findInvitationFor,
  findLessonFor,
  findNoteFor,
  isConnected,
  type AcceptedConnection,
  type ConnectionState,
  type FindConnectionOptions,
} from "./lookups";
export {
  acceptedConnectionsOf,
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
  rescheduleProposalsOf,
  sharedHistoryOf,
  unclaimedInvitationsTo,
} from "./scopes";
export { otherPartyId, type Viewer, type ViewerWithEmail } from "./viewer";
