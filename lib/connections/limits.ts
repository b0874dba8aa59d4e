/** Length limits shared by the schemas and the forms (no imports: safe in client bundles). */
export const INVITE_MESSAGE_MAX_LENGTH = 1000;
export const NOTE_MAX_LENGTH = 5000;
export const STUDENT_SEARCH_MAX_LENGTH = 100;
