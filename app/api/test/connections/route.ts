import { connectStudent } from "@/lib/e2e/accounts";
import { e2eHook } from "@/lib/e2e/hooks";
import { resultResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/** End-to-end tests only (E2E_HOOKS=1, embedded): the teacher invites the student and the student accepts. A 404 otherwise. */
export const POST = e2eHook(1_024, async (body) => resultResponse(await connectStudent(body)));
