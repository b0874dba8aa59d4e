import { z } from "zod";
import { bookingModes } from "@/db/schema";
import { idField } from "@/lib/access/ids";
import { emailField } from "@/lib/auth/schemas";
import { multiLineText, nullableText, requiredText, singleLineText } from "@/lib/text";
import { INVITE_MESSAGE_MAX_LENGTH, NOTE_MAX_LENGTH, STUDENT_SEARCH_MAX_LENGTH } from "./limits";

const connectionId = idField("We couldn't find that connection.");
const noteId = idField("We couldn't find that note.");

export const inviteSchema = z.strictObject({
  email: emailField,
  message: nullableText(multiLineText("The message", INVITE_MESSAGE_MAX_LENGTH)),
});

export const connectionRefSchema = z.strictObject({ connectionId });

export const messagingLockSchema = z.strictObject({
  connectionId,
  // Forms send "true"/"false"; code sends booleans.
  locked: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]),
});

export const bookingModeSchema = z.strictObject({
  connectionId,
  mode: z.enum(bookingModes, "Choose whether you book lessons directly or send requests."),
});

const noteBody = requiredText(multiLineText("A note", NOTE_MAX_LENGTH), "Write something first.");

export const addNoteSchema = z.strictObject({ connectionId, body: noteBody });
export const updateNoteSchema = z.strictObject({ noteId, body: noteBody });
export const noteRefSchema = z.strictObject({ noteId });

/** A search box: anything it cannot use is no search rather than an error. */
export const studentSearchSchema = singleLineText("The search", STUDENT_SEARCH_MAX_LENGTH)
  .optional()
  .transform((query) => query || undefined)
  .catch(undefined);
