import type { ActionResult } from "@/lib/actions";

/** A refusal is indistinguishable from "not found": no data, no hint that the id exists. */
export const NOT_FOUND: ActionResult<never> = { ok: false, error: "We couldn't find that. It may have been removed." };
export const TEACHER_ONLY: ActionResult<never> = { ok: false, error: "Only the teacher can do that." };
