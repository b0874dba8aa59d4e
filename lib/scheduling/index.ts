/** Scheduling domain functions: each takes the actor first and returns an ActionResult. */
export {
  approveLessonRequest,
  declineLessonRequest,
  previewLessonRequest,
  requestLessons,
  withdrawLessonRequest,
  type PreviewOccurrence,
} from "./requests";
export { approveReschedule, cancelLesson, cancelSeriesFrom, declineReschedule, markAttendance, proposeReschedule } from "./lessons";
export { createCalendarEvent, deleteCalendarEvent, updateCalendarEvent } from "./events";
export { calendarFeed, currentFeedLink, feedUrl, regenerateFeedToken } from "./feed";
export { CONFLICT_MESSAGE } from "./conflicts";
export { SCHEDULING_LIMITS } from "./schemas";
export { bookTerm, previewTerm, type TermRow } from "./term";
