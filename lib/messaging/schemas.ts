import { z } from "zod";
import { idField } from "@/lib/access/ids";
import { multiLineText, requiredText, singleLineText } from "@/lib/text";
import { MESSAGE_MAX_LENGTH } from "./types";

export const CONVERSATION_SEARCH_MAX_LENGTH = 100;

const connectionId = idField("We couldn't find that conversation.");
const messageId = idField("We couldn't find that message.");
const body = requiredText(multiLineText("A message", MESSAGE_MAX_LENGTH), "Write something first.");
// Sequences travel as form values and query strings: strings of digits, coerced explicitly.
const seq = z.coerce
  .number({ error: "Unknown position in the conversation." })
  .int("Unknown position in the conversation.")
  .min(0, "Unknown position in the conversation.")
  .max(Number.MAX_SAFE_INTEGER, "Unknown position in the conversation.");

export const sendMessageSchema = z.strictObject({
  connectionId,
  clientMessageId: z.uuid({ error: "This message has no valid id; reload the page and try again." }).transform((id) => id.toLowerCase()),
  body,
});

export const editMessageSchema = z.strictObject({ messageId, body });
export const messageRefSchema = z.strictObject({ messageId });
export const markReadSchema = z.strictObject({ connectionId, seq });

export const threadQuerySchema = z
  .strictObject({
    before: seq.optional(),
    after: seq.optional(),
    // A catch-up also asks what changed since the last page's `syncedAt`: edits and deletions made while away.
    changedSince: z.iso.datetime({ offset: true, error: "Unknown point in the conversation's history." }).optional(),
  })
  .refine((query) => query.before === undefined || query.after === undefined, "Ask for older or newer messages, not both.")
  .refine((query) => query.changedSince === undefined || query.after !== undefined, "Changes are asked for with newer messages.");

/** A search box: anything it cannot use is no search rather than an error. */
export const conversationSearchSchema = singleLineText("The search", CONVERSATION_SEARCH_MAX_LENGTH)
  .optional()
  .transform((query) => query || undefined)
  .catch(undefined);

export const conversationListQuerySchema = z.strictObject({ q: z.string().max(1000).optional() });
