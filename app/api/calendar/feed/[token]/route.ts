import { calendarFeed } from "@/lib/scheduling";

/**
 * The secret iCalendar feed calendar apps subscribe to. The token is the only credential (apps cannot
 * sign in), so an unknown one gets a plain 404 with nothing else.
 */
export async function GET(_request: Request, { params }: RouteContext<"/api/calendar/feed/[token]">) {
  const { token } = await params;
  const body = await calendarFeed(token);
  if (body === null) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="musbook.ics"',
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
