/** Postgres SQLSTATE codes the domain code turns into clear answers. */
export const PG_UNIQUE_VIOLATION = "23505";
export const PG_EXCLUSION_VIOLATION = "23P01";
export const PG_FOREIGN_KEY_VIOLATION = "23503";
export const PG_DEADLOCK_DETECTED = "40P01";
export const PG_SERIALIZATION_FAILURE = "40001";

/** The SQLSTATE of a database error, looking through Drizzle's wrapper (`cause`). */
export function pgErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const isExclusionViolation = (error: unknown) => pgErrorCode(error) === PG_EXCLUSION_VIOLATION;
export const isUniqueViolation = (error: unknown) => pgErrorCode(error) === PG_UNIQUE_VIOLATION;
export const isForeignKeyViolation = (error: unknown) => pgErrorCode(error) === PG_FOREIGN_KEY_VIOLATION;

/** Postgres aborted this transaction only because of another one; running it again is safe. */
export const isRetryableConflict = (error: unknown) => {
  const code = pgErrorCode(error);
  return code === PG_DEADLOCK_DETECTED || code === PG_SERIALIZATION_FAILURE;
};
