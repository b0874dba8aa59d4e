"use server";

import { addNote, deleteNote, endConnection, setMessagingLocked, updateNote } from "@/lib/connections";
import { userAction } from "@/lib/server-action";

// The list and every student's page show what these change.
const STUDENT_PAGES = { revalidate: ["/students"] };

export const addNoteAction = userAction(addNote, STUDENT_PAGES);

export const updateNoteAction = userAction(updateNote, STUDENT_PAGES);

export const deleteNoteAction = userAction(deleteNote, STUDENT_PAGES);

export const setMessagingLockedAction = userAction(setMessagingLocked, STUDENT_PAGES);

export const endConnectionWithStudentAction = userAction(endConnection, STUDENT_PAGES);
