import { z } from "zod";

/**
 * The one id parser. Ids are Postgres uuids: anything else (say 36 dashes, which a loose `[0-9a-f-]{36}`
 * lets through) must be answered as "not found" before it reaches the database, where it would be an error.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** The id in canonical (lower-case) form, or null when it is not one. */
export const parseId = (value: unknown): string | null => (isUuid(value) ? value.toLowerCase() : null);

/** The id field of every schema: a malformed id fails validation, and callers answer it as "not found". */
export const idField = (message = "Unknown item.") => z.string().refine(isUuid, { error: message });
