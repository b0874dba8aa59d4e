import { failure } from "@/lib/actions";
import { failureResponse } from "@/lib/http";
import { calendarFeed } from "@/lib/scheduling";

/**
 * The secret iCalendar feed calendar apps subscribe to. The token is the only credential (apps cannot
 * sign in), so an unknown one gets a bare 404 with nothing else.
 */
export async function GET(_request: Request, { params }: RouteContext<"/api/calendar/feed/[token]">) {
  const { token } = await params;
  const body = await calendarFeed(token);
  if (body === null) return failureResponse(failure("not-found", "Not found"));
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="musbook.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
