"use server";

import { deleteMessage, editMessage, markConversationRead, sendMessage } from "@/lib/messaging";
import { userAction } from "@/lib/server-action";

// Nothing is revalidated: open threads and the inbox update live, and a form posted without JavaScript renders the page afresh.

export const sendMessageAction = userAction(sendMessage);

export const editMessageAction = userAction(editMessage);

export const deleteMessageAction = userAction(deleteMessage);

export const markConversationReadAction = userAction(markConversationRead);
