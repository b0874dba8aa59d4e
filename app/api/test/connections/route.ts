import { failure } from "@/lib/actions";
import { connectStudent } from "@/lib/e2e/accounts";
import { e2eHooksEnabled } from "@/lib/e2e/hooks";
import { failureResponse, readJsonBody, resultResponse } from "@/lib/http";

export const dynamic = "force-dynamic";

/** End-to-end tests only (E2E_HOOKS=1, embedded): the teacher invites the student and the student accepts. A 404 otherwise. */
export async function POST(request: Request) {
  if (!e2eHooksEnabled()) return failureResponse(failure("not-found", "Not found"));
  const body = await readJsonBody(request, 1_024);
  if (!body.ok) return body.response;
  return resultResponse(await connectStudent(body.value));
}
