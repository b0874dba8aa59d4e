"use server";

import type { FormState } from "@/lib/actions";
import { addNote, deleteNote, endConnection, setMessagingLocked, updateNote } from "@/lib/connections";
import { actAsCurrentUser } from "@/lib/server-action";

// The list and every student's page show what these change.
const STUDENT_PAGES = ["/students"];

export async function addNoteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser(addNote, formData, STUDENT_PAGES);
}

export async function updateNoteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser(updateNote, formData, STUDENT_PAGES);
}

export async function deleteNoteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser(deleteNote, formData, STUDENT_PAGES);
}

export async function setMessagingLockedAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser(setMessagingLocked, formData, STUDENT_PAGES);
}

export async function endConnectionWithStudentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return actAsCurrentUser(endConnection, formData, STUDENT_PAGES);
}
