"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import * as scheduling from "@/lib/scheduling";
import type { Viewer } from "@/lib/access";

const SESSION_ENDED = { ok: false, error: "Your session has ended. Sign in again." } as const;

/**
 * Thin adapters: read the session, call the domain function (which authorises and validates the
 * input itself, since server actions are public endpoints), refresh the scheduling pages.
 */
function adapter<T>(run: (actor: Viewer, input: unknown) => Promise<ActionResult<T>>) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    const user = await getCurrentUser();
    if (!user) return SESSION_ENDED;
    const result = await run(user, input);
    if (result.ok) {
      revalidatePath("/lessons", "layout");
      revalidatePath("/calendar");
      revalidatePath("/dashboard");
    }
    return result;
  };
}

export const requestLessonsAction = adapter((actor, input) => scheduling.requestLessons(actor, input));
export const approveRequestAction = adapter((actor, input) => scheduling.approveLessonRequest(actor, input));
export const declineRequestAction = adapter((actor, input) => scheduling.declineLessonRequest(actor, input));
export const withdrawRequestAction = adapter((actor, input) => scheduling.withdrawLessonRequest(actor, input));
export const proposeRescheduleAction = adapter((actor, input) => scheduling.proposeReschedule(actor, input));
export const approveRescheduleAction = adapter((actor, input) => scheduling.approveReschedule(actor, input));
export const declineRescheduleAction = adapter((actor, input) => scheduling.declineReschedule(actor, input));
export const cancelLessonAction = adapter((actor, input) => scheduling.cancelLesson(actor, input));
export const cancelSeriesFromAction = adapter((actor, input) => scheduling.cancelSeriesFrom(actor, input));
export const markAttendanceAction = adapter((actor, input) => scheduling.markAttendance(actor, input));
export const createEventAction = adapter((actor, input) => scheduling.createCalendarEvent(actor, input));
export const updateEventAction = adapter((actor, input) => scheduling.updateCalendarEvent(actor, input));
export const deleteEventAction = adapter((actor, input) => scheduling.deleteCalendarEvent(actor, input));
export const regenerateFeedAction = adapter((actor) => scheduling.regenerateFeedToken(actor));
