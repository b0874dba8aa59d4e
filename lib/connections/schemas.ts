import { z } from "zod";
import { idField } from "@/lib/access/ids";
import { emailField } from "@/lib/auth/schemas";
import { INVITE_MESSAGE_MAX_LENGTH, NOTE_MAX_LENGTH } from "./limits";

const connectionId = idField("We couldn't find that connection.");
const noteId = idField("We couldn't find that note.");

/** Plain text from a textarea: line breaks kept, other control and bidi-override characters refused. */
const plainText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} can be at most ${max.toLocaleString("en-GB")} characters.`)
    .refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(text), `${label} contains characters we can't store.`);

export const inviteSchema = z.strictObject({
  email: emailField,
  message: plainText(INVITE_MESSAGE_MAX_LENGTH, "The message")
    .optional()
    .transform((message) => (message?.trim() ? message.trim() : null)),
});

export const connectionRefSchema = z.strictObject({ connectionId });

export const messagingLockSchema = z.strictObject({
  connectionId,
  // Forms send "true"/"false"; code sends booleans.
  locked: z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]),
});

const noteBody = plainText(NOTE_MAX_LENGTH, "A note")
  .transform((body) => body.trim())
  .pipe(z.string().min(1, "Write something first."));

export const addNoteSchema = z.strictObject({ connectionId, body: noteBody });
export const updateNoteSchema = z.strictObject({ noteId, body: noteBody });
export const noteRefSchema = z.strictObject({ noteId });

export const studentSearchSchema = z.string().trim().max(100).optional().catch(undefined);
