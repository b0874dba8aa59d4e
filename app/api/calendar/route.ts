import { failure, SESSION_ENDED } from "@/lib/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { failureResponse, PRIVATE_NO_STORE } from "@/lib/http";
import { getCalendarItems } from "@/lib/scheduling/queries";
import { DAY } from "@/lib/time";

const MAX_RANGE_MS = 100 * DAY;

/** The signed-in viewer's lessons and personal events in [start, end), for the calendar page. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return failureResponse(SESSION_ENDED);
  const query = new URL(request.url).searchParams;
  const start = new Date(query.get("start") ?? "");
  const end = new Date(query.get("end") ?? "");
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start || end.getTime() - start.getTime() > MAX_RANGE_MS) {
    return failureResponse(failure("invalid", "Give start and end as ISO dates, at most 100 days apart."));
  }
  return Response.json(await getCalendarItems(user, start, end, user.timezone), { headers: PRIVATE_NO_STORE });
}
