import { z } from "zod";
import { parseLocalDateTime } from "./zones";

/** Dates MusBook takes: far wider than any lesson, log or export needs, and narrow enough for the zone arithmetic. */
export const EARLIEST_DATE = "2000-01-01";
export const LATEST_DATE = "2099-12-31";

/**
 * A calendar date as forms send it (YYYY-MM-DD): a real one (no 30 February) within EARLIEST_DATE to LATEST_DATE,
 * each refusal with a message for its field. The one date field every schema uses.
 */
export const calendarDate = (missing = "Enter a date.") =>
  z
    .string({ error: missing })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: missing, abort: true })
    .refine((value) => value >= EARLIEST_DATE && value <= LATEST_DATE, {
      error: `Enter a date between ${EARLIEST_DATE.slice(0, 4)} and ${LATEST_DATE.slice(0, 4)}.`,
      abort: true,
    })
    .refine((value) => parseLocalDateTime(`${value}T00:00`) !== null, "Enter a real date: that day does not exist.");
