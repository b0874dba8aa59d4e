"use client";

import { Check, CheckCheck } from "lucide-react";
import type { Route } from "next";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { NotificationView } from "@/lib/notifications/types";
import { cn } from "@/lib/utils";
import { NotificationIcon } from "./notification-icon";
import { useNotifications } from "./notifications-provider";

export function MarkAllReadButton() {
  const { unreadCount, markAllRead } = useNotifications();
  return (
    <Button variant="secondary" size="sm" onClick={() => void markAllRead()} disabled={unreadCount === 0}>
      <CheckCheck className="size-4" aria-hidden="true" />
      Mark all as read
    </Button>
  );
}

/** One row of the notification centre: opening it marks it read and follows its link. */
export function NotificationRow({ notification, time }: { notification: NotificationView; time: string }) {
  const { markRead } = useNotifications();
  const router = useRouter();
  const unread = !notification.readAt;

  const open = () => {
    if (unread) void markRead([notification.id]);
    if (notification.link) router.push(notification.link as Route);
  };

  return (
    <div className={cn("flex items-start gap-3 px-4 py-4 sm:px-5", unread && "bg-accent-soft/40")}>
      <NotificationIcon type={notification.type} />
      <div className="min-w-0 flex-1">
        {notification.link ? (
          <button type="button" onClick={open} className={cn("text-left text-sm hover:underline", unread && "font-semibold")}>
            {notification.title}
          </button>
        ) : (
          <p className={cn("text-sm", unread && "font-semibold")}>{notification.title}</p>
        )}
        {notification.body ? <p className="mt-0.5 text-sm text-muted-foreground">{notification.body}</p> : null}
        <p className="mt-1 text-xs text-muted-foreground">
          <time dateTime={notification.createdAt}>{time}</time>
          {unread ? <span className="ml-2 font-medium text-accent">Unread</span> : null}
        </p>
      </div>
      {unread ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => void markRead([notification.id])}
          aria-label={`Mark “${notification.title}” as read`}
          className="px-2 sm:px-3"
        >
          <Check className="size-4" aria-hidden="true" />
          <span className="hidden sm:inline">Mark read</span>
        </Button>
      ) : null}
    </div>
  );
}
