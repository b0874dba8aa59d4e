import { NextResponse } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getCalendarItems } from "@/lib/scheduling/queries";
import { DAY } from "@/lib/time";

const PRIVATE = { "Cache-Control": "private, no-store" };
const MAX_RANGE_MS = 100 * DAY;

/** The signed-in viewer's lessons and personal events in [start, end), for the calendar page. */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Sign in to see your calendar." }, { status: 401, headers: PRIVATE });
  const query = new URL(request.url).searchParams;
  const start = new Date(query.get("start") ?? "");
  const end = new Date(query.get("end") ?? "");
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start || end.getTime() - start.getTime() > MAX_RANGE_MS) {
    return NextResponse.json({ error: "Give start and end as ISO dates, at most 100 days apart." }, { status: 400, headers: PRIVATE });
  }
  return NextResponse.json(await getCalendarItems(user, start, end, user.timezone), { headers: PRIVATE });
}
