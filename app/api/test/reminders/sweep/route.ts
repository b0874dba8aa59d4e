import { invalid } from "@/lib/actions";
import { e2eHook } from "@/lib/e2e/hooks";
import { failureResponse, PRIVATE_NO_STORE } from "@/lib/http";
import { sweepAhead, sweepAheadSchema } from "@/lib/reminders/test-clock";

export const dynamic = "force-dynamic";

/** End-to-end tests only (E2E_HOOKS=1, embedded): the reminder sweep now, as if `minutesAhead` minutes later. A 404 otherwise. */
export const POST = e2eHook(1_024, async (body) => {
  const parsed = sweepAheadSchema.safeParse(body);
  if (!parsed.success) return failureResponse(invalid(parsed.error, "Send { minutesAhead: 0–60 }."));
  return Response.json(await sweepAhead(parsed.data.minutesAhead), { headers: PRIVATE_NO_STORE });
});
