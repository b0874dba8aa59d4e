export { CONVERSATION_NOT_FOUND, deleteMessage, editMessage, markConversationRead, MESSAGE_NOT_FOUND, sendMessage } from "./messages";
export { publishComposerChange, unreadConversationCount } from "./live";
