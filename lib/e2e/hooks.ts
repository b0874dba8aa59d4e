import { failure } from "@/lib/actions";
import { env } from "@/lib/env";
import { failureResponse, readJsonBody } from "@/lib/http";

/**
 * The test-only routes under /api/test exist only with E2E_HOOKS=1 on an embedded server (no DATABASE_URL, no
 * RESEND_API_KEY), so a hosted deployment cannot turn them on.
 */
export const e2eHooksEnabled = () => process.env.E2E_HOOKS === "1" && !env().DATABASE_URL && !env().RESEND_API_KEY;

/** A test-only POST handler: a 404 unless `e2eHooksEnabled`, else `answer` given the JSON body (at most `maxBytes`). */
export function e2eHook(maxBytes: number, answer: (body: unknown) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!e2eHooksEnabled()) return failureResponse(failure("not-found", "Not found"));
    const body = await readJsonBody(request, maxBytes);
    return body.ok ? answer(body.value) : body.response;
  };
}
