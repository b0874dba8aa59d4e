"use server";

import { addNote, deleteNote, endConnection, setBookingMode, setMessagingLocked, updateNote } from "@/lib/connections";
import { userAction } from "@/lib/server-action";

// The list and every student's page show what these change.
const STUDENT_PAGES = { revalidate: ["/students"] };

export const addNoteAction = userAction(addNote, STUDENT_PAGES);

export const updateNoteAction = userAction(updateNote, STUDENT_PAGES);

export const deleteNoteAction = userAction(deleteNote, STUDENT_PAGES);

export const setMessagingLockedAction = userAction(setMessagingLocked, STUDENT_PAGES);

// Booking changes what the lesson forms on the calendar and lessons pages do.
export const setBookingModeAction = userAction(setBookingMode, { revalidate: ["/students", "/lessons", "/calendar"] });

export const endConnectionWithStudentAction = userAction(endConnection, STUDENT_PAGES);
