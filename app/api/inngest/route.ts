import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { failure } from "@/lib/actions";
import { failureResponse } from "@/lib/http";
import { jobsMode } from "@/lib/jobs";

const handlers = serve({ client: inngest, functions });

type Handler = (request: Request, context: unknown) => Promise<Response>;

/** Inngest calls this endpoint in hosted mode (requests are signed with INNGEST_SIGNING_KEY outside dev). */
function onlyWithInngest(handler: Handler): Handler {
  return (request, context) =>
    jobsMode() === "inngest"
      ? handler(request, context)
      : Promise.resolve(failureResponse(failure("not-found", "Inngest is not configured")));
}

export const GET = onlyWithInngest(handlers.GET as Handler);
export const POST = onlyWithInngest(handlers.POST as Handler);
export const PUT = onlyWithInngest(handlers.PUT as Handler);
