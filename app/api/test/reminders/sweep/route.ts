import { failure, invalid } from "@/lib/actions";
import { failureResponse, PRIVATE_NO_STORE, readJsonBody } from "@/lib/http";
import { e2eHooksEnabled } from "@/lib/e2e/hooks";
import { sweepAhead, sweepAheadSchema } from "@/lib/reminders/test-clock";

export const dynamic = "force-dynamic";

/** End-to-end tests only (E2E_HOOKS=1, embedded): the reminder sweep now, as if `minutesAhead` minutes later. A 404 otherwise. */
export async function POST(request: Request) {
  if (!e2eHooksEnabled()) return failureResponse(failure("not-found", "Not found"));
  const body = await readJsonBody(request, 1_024);
  if (!body.ok) return body.response;
  const parsed = sweepAheadSchema.safeParse(body.value);
  if (!parsed.success) return failureResponse(invalid(parsed.error, "Send { minutesAhead: 0–60 }."));
  return Response.json(await sweepAhead(parsed.data.minutesAhead), { headers: PRIVATE_NO_STORE });
}
