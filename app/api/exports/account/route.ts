import { SESSION_ENDED } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { accountExport } from "@/lib/exports/account";
import { failureResponse } from "@/lib/http";

/** Everything of the signed-in person's, as one JSON download. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return failureResponse(SESSION_ENDED);
  const now = new Date();
  return new Response(JSON.stringify(await accountExport(user, now), null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="musbook-account-${now.toISOString().slice(0, 10)}.json"`,
      "cache-control": "private, no-store",
    },
  });
}
