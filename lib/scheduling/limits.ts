/** Length limits shared by the schemas, the forms and the columns' checks (no imports: safe in client bundles). */
export const LOCATION_MAX_LENGTH = 500;
export const REQUEST_NOTE_MAX_LENGTH = 2000;
export const REASON_MAX_LENGTH = 1000;
export const EVENT_TITLE_MAX_LENGTH = 200;
export const EVENT_NOTES_MAX_LENGTH = 5000;
