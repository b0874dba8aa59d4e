import { Bell } from "lucide-react";
import type { Metadata, Route } from "next";
import Link from "next/link";
import { MarkAllReadButton, NotificationRow } from "@/components/notifications/notification-list-actions";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications";
import { notificationListQuerySchema, type NotificationListQuery } from "@/lib/notifications/schemas";
import { categoryLabels, FILTERABLE_CATEGORIES } from "@/lib/notifications/types";
import { formatDateTimeWithYear, zoneLabel } from "@/lib/time";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Notifications" };

type Filters = Pick<NotificationListQuery, "status" | "category" | "page">;

function href({ status, category, page }: Filters): Route {
  const params = new URLSearchParams();
  if (status !== "all") params.set("status", status);
  if (category) params.set("category", category);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return (query ? `/notifications?${query}` : "/notifications") as Route;
}

function FilterLink({ active, to, children }: { active: boolean; to: Route; children: string }) {
  return (
    <Link
      href={to}
      aria-current={active ? "page" : undefined}
      className={cn(
        "rounded-full border px-3 py-1.5 text-sm font-medium transition",
        active
          ? "border-transparent bg-accent text-accent-foreground"
          : "bg-surface text-muted-foreground hover:bg-surface-muted hover:text-foreground",
      )}
    >
      {children}
    </Link>
  );
}

export default async function NotificationsPage({ searchParams }: PageProps<"/notifications">) {
  const user = await requireUser("/notifications");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter(([key, value]) => ["status", "category", "page"].includes(key) && typeof value === "string"),
  );
  // A hand-edited or stale query string shows the first page of everything rather than an error.
  const parsed = notificationListQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : notificationListQuerySchema.parse({});
  const { items, page, pageCount, total, unreadCount } = await listNotifications(user, query);
  const filters: Filters = { status: query.status, category: query.category, page: 1 };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Notifications</h1>
          <p className="mt-1 text-sm text-muted-foreground">
            {unreadCount === 0 ? "You're all caught up." : `${unreadCount} unread`} · times in {zoneLabel(user.timezone)}
          </p>
        </div>
        <MarkAllReadButton />
      </div>

      <nav aria-label="Filter notifications" className="space-y-3">
        <div className="flex flex-wrap gap-2">
          <FilterLink active={query.status === "all"} to={href({ ...filters, status: "all" })}>
            All
          </FilterLink>
          <FilterLink active={query.status === "unread"} to={href({ ...filters, status: "unread" })}>
            Unread
          </FilterLink>
        </div>
        <div className="flex flex-wrap gap-2">
          <FilterLink active={!query.category} to={href({ ...filters, category: undefined })}>
            Everything
          </FilterLink>
          {FILTERABLE_CATEGORIES.map((category) => (
            <FilterLink key={category} active={query.category === category} to={href({ ...filters, category })}>
              {categoryLabels[category]}
            </FilterLink>
          ))}
        </div>
      </nav>

      <Card className="overflow-hidden">
        {items.length === 0 ? (
          <div className="px-6 py-16 text-center">
            <Bell className="mx-auto size-10 text-muted-foreground/50" aria-hidden="true" />
            <p className="mt-4 font-medium">
              {query.status === "unread" || query.category ? "Nothing matches these filters" : "No notifications yet"}
            </p>
            <p className="mt-1 text-sm text-muted-foreground">Lesson requests, changes and invitations will appear here as they happen.</p>
          </div>
        ) : (
          <ul aria-label="Notifications" className="divide-y">
            {items.map((notification) => (
              <li key={notification.id}>
                <NotificationRow
                  notification={notification}
                  time={formatDateTimeWithYear(new Date(notification.createdAt), user.timezone)}
                />
              </li>
            ))}
          </ul>
        )}
      </Card>

      {pageCount > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between gap-4 text-sm">
          {page > 1 ? (
            <Link href={href({ ...filters, page: page - 1 })} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Newer
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted-foreground">
            Page {page} of {pageCount} · {total} notifications
          </span>
          {page < pageCount ? (
            <Link href={href({ ...filters, page: page + 1 })} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Older
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
