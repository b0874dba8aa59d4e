import { z } from "zod";

/** A loose `[0-9a-f-]{36}` would let 36 dashes through to Postgres, where it is an error rather than "not found". */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

export const parseId = (value: unknown): string | null => (isUuid(value) ? value.toLowerCase() : null);

export const idField = (message = "Unknown item.") => z.string().refine(isUuid, { error: message });
