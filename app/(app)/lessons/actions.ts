"use server";

import * as scheduling from "@/lib/scheduling";
import { userAction } from "@/lib/server-action";

// Every page that shows lessons, requests or events.
const SCHEDULING_PAGES = { revalidate: ["/lessons", "/calendar", "/dashboard"] };

export const requestLessonsAction = userAction(scheduling.requestLessons, SCHEDULING_PAGES);
export const approveRequestAction = userAction(scheduling.approveLessonRequest, SCHEDULING_PAGES);
export const declineRequestAction = userAction(scheduling.declineLessonRequest, SCHEDULING_PAGES);
export const withdrawRequestAction = userAction(scheduling.withdrawLessonRequest, SCHEDULING_PAGES);
export const proposeRescheduleAction = userAction(scheduling.proposeReschedule, SCHEDULING_PAGES);
export const approveRescheduleAction = userAction(scheduling.approveReschedule, SCHEDULING_PAGES);
export const declineRescheduleAction = userAction(scheduling.declineReschedule, SCHEDULING_PAGES);
export const cancelLessonAction = userAction(scheduling.cancelLesson, SCHEDULING_PAGES);
export const cancelSeriesFromAction = userAction(scheduling.cancelSeriesFrom, SCHEDULING_PAGES);
export const markAttendanceAction = userAction(scheduling.markAttendance, SCHEDULING_PAGES);
export const createEventAction = userAction(scheduling.createCalendarEvent, SCHEDULING_PAGES);
export const updateEventAction = userAction(scheduling.updateCalendarEvent, SCHEDULING_PAGES);
export const deleteEventAction = userAction(scheduling.deleteCalendarEvent, SCHEDULING_PAGES);
export const regenerateFeedAction = userAction(scheduling.regenerateFeedToken, SCHEDULING_PAGES);
// Read-only: what booking the term would do.
export const previewTermAction = userAction(scheduling.previewTerm);
export const bookTermAction = userAction(scheduling.bookTerm, SCHEDULING_PAGES);
