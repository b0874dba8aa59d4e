import { gte } from "drizzle-orm";
import { lessons } from "@/db/schema";
import { HOUR } from "@/lib/time";

/** The lessons_length_limit column check: no lesson is longer. */
export const LONGEST_LESSON_MS = 8 * HOUR;

/**
 * True of every lesson that ends at or after `instant`. A filter on the end alone makes the (person, starts_at)
 * indexes read every earlier lesson; adding this bounds the index range to what can still overlap.
 */
export const mayEndAfter = (instant: Date) => gte(lessons.startsAt, new Date(instant.getTime() - LONGEST_LESSON_MS));
