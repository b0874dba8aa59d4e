"use client";

import { Bell, CheckCheck } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import type { Route } from "next";
import type { NotificationView } from "@/lib/notifications/types";
import { cn } from "@/lib/utils";
import { NotificationIcon } from "./notification-icon";
import { useNotifications } from "./notifications-provider";
import { formatTimeAgo } from "@/lib/time";

const countLabel = (count: number) => (count > 99 ? "99+" : String(count));

/** The bell in the app shell: a live unread count and a panel of recent notifications. */
export function NotificationBell({ align = "start" }: { align?: "start" | "end" }) {
  const { unreadCount, recent, loadError, announcement, loadRecent, markRead, markAllRead } = useNotifications();
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const router = useRouter();

  useEffect(() => {
    if (!open) return;
    if (recent === null) void loadRecent();
    const onPointerDown = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open, recent, loadRecent]);

  const openNotification = (notification: NotificationView) => {
    if (!notification.readAt) void markRead([notification.id]);
    if (notification.link) {
      setOpen(false);
      router.push(notification.link as Route);
    }
  };

  return (
    <div ref={container} className="relative">
      <button
        ref={button}
        type="button"
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unreadCount > 0 ? `Notifications, ${unreadCount} unread` : "Notifications"}
        className="relative grid size-10 place-items-center rounded-lg text-muted-foreground transition hover:bg-surface-muted hover:text-foreground"
      >
        <Bell className="size-5" aria-hidden="true" />
        {unreadCount > 0 ? (
          <span
            data-testid="unread-count"
            className="absolute right-1 top-1 grid h-4.5 min-w-4.5 place-items-center rounded-full bg-red-600 px-1 text-[11px] font-semibold leading-none text-white ring-2 ring-surface"
            aria-hidden="true"
          >
            {countLabel(unreadCount)}
          </span>
        ) : null}
      </button>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <div
        id={panelId}
        role="region"
        aria-label="Recent notifications"
        hidden={!open}
        className={cn(
          "absolute top-full z-30 mt-2 w-[min(24rem,calc(100vw-1.5rem))] overflow-hidden rounded-2xl border bg-surface shadow-xl",
          align === "end" ? "right-0" : "left-0",
        )}
      >
        <div className="flex items-center justify-between gap-2 border-b px-4 py-3">
          <h2 className="text-sm font-semibold">Notifications</h2>
          <button
            type="button"
            onClick={() => void markAllRead()}
            disabled={unreadCount === 0}
            className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-xs font-medium text-accent hover:bg-accent-soft disabled:pointer-events-none disabled:opacity-40"
          >
            <CheckCheck className="size-3.5" aria-hidden="true" />
            Mark all as read
          </button>
        </div>
        <div className="max-h-[min(28rem,65dvh)] overflow-y-auto">
          {recent === null ? (
            <p className="px-4 py-8 text-center text-sm text-muted-foreground">
              {loadError ? "Notifications could not be loaded. Try again in a moment." : "Loading…"}
            </p>
          ) : recent.length === 0 ? (
            <div className="px-6 py-10 text-center">
              <Bell className="mx-auto size-8 text-muted-foreground/60" aria-hidden="true" />
              <p className="mt-3 text-sm font-medium">You&rsquo;re all caught up</p>
              <p className="mt-1 text-xs text-muted-foreground">Lesson requests, changes and invitations will appear here.</p>
            </div>
          ) : (
            <ul className="divide-y">
              {recent.map((notification) => (
                <li key={notification.id}>
                  <button
                    type="button"
                    onClick={() => openNotification(notification)}
                    className={cn(
                      "flex w-full gap-3 px-4 py-3 text-left transition hover:bg-surface-muted",
                      !notification.readAt && "bg-accent-soft/40",
                    )}
                  >
                    <NotificationIcon type={notification.type} />
                    <span className="min-w-0 flex-1">
                      <span className="flex items-start justify-between gap-2">
                        <span className={cn("text-sm", notification.readAt ? "text-foreground" : "font-semibold")}>
                          {notification.title}
                        </span>
                        {notification.readAt ? null : (
                          <span className="mt-1.5 size-2 shrink-0 rounded-full bg-accent">
                            <span className="sr-only">Unread</span>
                          </span>
                        )}
                      </span>
                      {notification.body ? (
                        <span className="mt-0.5 line-clamp-2 block text-xs text-muted-foreground">{notification.body}</span>
                      ) : null}
                      <time dateTime={notification.createdAt} className="mt-1 block text-xs text-muted-foreground">
                        {formatTimeAgo(new Date(notification.createdAt))}
                      </time>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <Link
          href="/notifications"
          onClick={() => setOpen(false)}
          className="block border-t px-4 py-3 text-center text-sm font-medium text-accent hover:bg-surface-muted"
        >
          See all notifications
        </Link>
      </div>
    </div>
  );
}
