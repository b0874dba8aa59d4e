import type { Metadata } from "next";
import { calendarColours } from "@/components/scheduling/calendar-colours";
import { CalendarHub } from "@/components/scheduling/calendar-hub";
import { FeedLink } from "@/components/scheduling/feed-link";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { currentFeedLink } from "@/lib/scheduling";
import { weekGrid } from "@/lib/scheduling/month-grid";
import { acceptedConnectionNames, getCalendarItems } from "@/lib/scheduling/queries";
import { formatIsoDate, zoneLabel } from "@/lib/time";
import { calendarDate } from "@/lib/time/schemas";
import {
  createEventAction,
  deleteEventAction,
  proposeRescheduleAction,
  regenerateFeedAction,
  requestLessonsAction,
} from "../lessons/actions";

export const metadata: Metadata = { title: "Calendar" };

export default async function CalendarPage({ searchParams }: PageProps<"/calendar">) {
  const user = await requireUser("/calendar");
  // `?date=YYYY-MM-DD` opens the calendar on that day (links from lessons; tests).
  const requested = calendarDate().safeParse((await searchParams).date);
  const initialDate = requested.success ? requested.data : undefined;
  const zone = user.timezone;
  // A phone opens on this week's list, rendered here so it is there at first paint.
  const week = weekGrid(initialDate ?? formatIsoDate(new Date(), zone), zone);
  const [connections, feed, weekItems] = await Promise.all([
    acceptedConnectionNames(user),
    currentFeedLink(user),
    getCalendarItems(user, week.start, week.end, zone),
  ]);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-muted-foreground">Times in {zoneLabel(zone)}</p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">Calendar</h1>
        </div>
        <ul className="flex flex-wrap gap-3 text-xs text-muted-foreground" aria-label="Legend">
          {Object.values(calendarColours).map(({ colour, label }) => (
            <li key={label} className="inline-flex items-center gap-1.5">
              <span className="size-2.5 rounded-full" style={{ backgroundColor: colour }} aria-hidden="true" /> {label}
            </li>
          ))}
        </ul>
      </div>
      <CalendarHub
        userId={user.id}
        actions={{
          createEvent: createEventAction,
          deleteEvent: deleteEventAction,
          proposeReschedule: proposeRescheduleAction,
          requestLessons: requestLessonsAction,
        }}
        timezone={zone}
        initialDate={initialDate}
        connections={connections}
        otherLabel={user.role === "teacher" ? "Student" : "Teacher"}
        isTeacher={user.role === "teacher"}
        initialWeek={{ monday: week.monday, items: weekItems }}
      />
      <Card>
        <CardHeader>
          <CardTitle>Calendar feed</CardTitle>
        </CardHeader>
        <CardBody>
          <FeedLink regenerateFeed={regenerateFeedAction} url={feed.url} exists={feed.exists} />
        </CardBody>
      </Card>
    </div>
  );
}
