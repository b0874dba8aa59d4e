import type { Message } from "@/db/schema";
import { shortenText } from "@/lib/text";
import { MESSAGE_PREVIEW_LENGTH, type MessageView } from "./types";

export function toMessageView(row: Message): MessageView {
  return {
    id: row.id,
    seq: row.seq,
    connectionId: row.connectionId,
    senderId: row.senderId,
    clientMessageId: row.clientMessageId,
    body: row.deletedAt ? "" : row.body,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

/** One line, short: line breaks would break an inbox row or a notification title. */
export const previewOf = (body: string) => shortenText(body.replace(/\s+/g, " ").trim(), MESSAGE_PREVIEW_LENGTH);
