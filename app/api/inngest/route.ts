import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { jobsMode } from "@/lib/jobs";

const handlers = serve({ client: inngest, functions });

type Handler = (request: Request, context: unknown) => Promise<Response>;

/** Inngest calls this endpoint in hosted mode (requests are signed with INNGEST_SIGNING_KEY outside dev). */
function onlyWithInngest(handler: Handler): Handler {
  return (request, context) =>
    jobsMode() === "inngest" ? handler(request, context) : Promise.resolve(Response.json({ error: "Inngest is not configured" }, { status: 404 }));
}

export const GET = onlyWithInngest(handlers.GET as Handler);
export const POST = onlyWithInngest(handlers.POST as Handler);
export const PUT = onlyWithInngest(handlers.PUT as Handler);
