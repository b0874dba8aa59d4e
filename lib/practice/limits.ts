/** Field limits shared by forms, schemas and the column checks in db/schema/practice.ts. */
export const ASSIGNMENT_TITLE_MAX_LENGTH = 200;
export const ASSIGNMENT_INSTRUCTIONS_MAX_LENGTH = 4000;
export const ASSIGNMENT_NOTE_MAX_LENGTH = 1000;
export const PRACTICE_NOTE_MAX_LENGTH = 1000;
/** Twelve hours in a day is already more than anyone practises; more is a typo. */
export const PRACTICE_MAX_MINUTES = 720;
export const PRACTICE_GOAL_MAX_MINUTES = 5000;
