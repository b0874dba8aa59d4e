import { createHmac, randomBytes } from "node:crypto";
import { and, eq, gte, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import ical, { ICalEventStatus } from "ical-generator";
import { db } from "@/db";
import { calendarEvents, calendarFeedTokens, lessonRequests, lessons, users } from "@/db/schema";
import { eventsOf, lessonsOf, otherPartyOfLesson, type Viewer } from "@/lib/access";
import type { ActionResult } from "@/lib/actions";
import { hashSecretToken } from "@/lib/auth/secret-tokens";
import { appUrl } from "@/lib/env";
import { authSecret } from "@/lib/secrets";
import { DAY, utcToZoned } from "@/lib/time";

const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const feedUrl = (token: string) => appUrl(`/api/calendar/feed/${token}`);

/** The token is an HMAC of the user and a stored nonce under the auth secret: the database holds only its hash, yet the page can show it again. */
const feedToken = (userId: string, nonce: string) =>
  createHmac("sha256", authSecret()).update(`calendar-feed:${userId}:${nonce}`).digest("base64url");

/**
 * The viewer's feed link, shown whenever they open the calendar. `url` is null with `exists` set when a link was made but
 * cannot be derived again (made before links were derivable, or the auth secret changed): it is replaced, not shown.
 */
export async function currentFeedLink(actor: Viewer): Promise<{ url: string | null; exists: boolean }> {
  const [row] = await db
    .select({ tokenHash: calendarFeedTokens.tokenHash, nonce: calendarFeedTokens.nonce })
    .from(calendarFeedTokens)
    .where(eq(calendarFeedTokens.userId, actor.id))
    .limit(1);
  if (!row) return { url: null, exists: false };
  const token = row.nonce ? feedToken(actor.id, row.nonce) : null;
  return { url: token && hashSecretToken(token) === row.tokenHash ? feedUrl(token) : null, exists: true };
}

export async function regenerateFeedToken(actor: Viewer): Promise<ActionResult<{ url: string }>> {
  const nonce = randomBytes(16).toString("base64url");
  const token = feedToken(actor.id, nonce);
  const hash = hashSecretToken(token);
  await db
    .insert(calendarFeedTokens)
    .values({ userId: actor.id, tokenHash: hash, nonce })
    .onConflictDoUpdate({ target: calendarFeedTokens.userId, set: { tokenHash: hash, nonce, createdAt: new Date() } });
  return { ok: true, message: "Your calendar feed link is ready.", data: { url: feedUrl(token) } };
}

const otherParty = alias(users, "other_party");

/** Every text field goes through ical-generator's escaping, so notes stay data. */
export async function calendarFeed(token: string, now = new Date()): Promise<string | null> {
  if (!FEED_TOKEN.test(token)) return null;
  const [owner] = await db
    .select({ id: users.id, role: users.role, name: users.name, timezone: users.timezone })
    .from(calendarFeedTokens)
    .innerJoin(users, eq(users.id, calendarFeedTokens.userId))
    .where(eq(calendarFeedTokens.tokenHash, hashSecretToken(token)))
    .limit(1);
  if (!owner) return null;
  const from = new Date(now.getTime() - 90 * DAY);
  const to = new Date(now.getTime() + 366 * DAY);

  const [lessonRows, eventRows] = await Promise.all([
    db
      .select({ lesson: lessons, otherName: otherParty.name, note: lessonRequests.note })
      .from(lessons)
      .innerJoin(otherParty, eq(otherParty.id, otherPartyOfLesson(owner)))
      .leftJoin(lessonRequests, eq(lessonRequests.id, lessons.requestId))
      .where(and(lessonsOf(owner), gte(lessons.startsAt, from), lt(lessons.startsAt, to))),
    db
      .select()
      .from(calendarEvents)
      .where(and(eventsOf(owner), lt(calendarEvents.startsAt, to), gte(calendarEvents.endsAt, from))),
  ]);

  const calendar = ical({ name: "MusBook", prodId: { company: "MusBook", product: "Lessons", language: "EN" }, ttl: 15 * 60 });
  for (const { lesson, otherName, note } of lessonRows) {
    calendar.createEvent({
      id: `lesson-${lesson.id}@musbook`,
      start: lesson.startsAt,
      end: lesson.endsAt,
      summary: `Lesson with ${otherName}`,
      description: note ?? undefined,
      location: lesson.location ?? undefined,
      status: lesson.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      url: appUrl(`/lessons/${lesson.id}`),
      stamp: lesson.updatedAt,
    });
  }
  for (const event of eventRows) {
    calendar.createEvent({
      id: `event-${event.id}@musbook`,
      // ical-generator writes all-day dates from the UTC fields: give it the owner's local dates as UTC midnights.
      start: event.allDay ? localDateAsUtc(event.startsAt, owner.timezone) : event.startsAt,
      end: event.allDay ? localDateAsUtc(event.endsAt, owner.timezone) : event.endsAt,
      allDay: event.allDay,
      summary: event.title,
      description: event.notes ?? undefined,
      stamp: event.updatedAt,
    });
  }
  return calendar.toString();
}

function localDateAsUtc(instant: Date, zone: string): Date {
  const local = utcToZoned(instant, zone);
  return new Date(Date.UTC(local.year, local.month - 1, local.day));
}
