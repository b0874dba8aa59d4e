"use client";

import { usePathname, useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { createCatchUpReader } from "@/components/realtime/catch-up";
import { useChannelEvents } from "@/components/realtime/realtime-provider";
import { isAborted, useSessionSignal } from "@/components/shell/session-ending";
import {
  USER_CHANNEL_EVENTS,
  userChannel,
  type NotificationCreatedEvent,
  type NotificationsReadEvent,
  type NotificationView,
} from "@/lib/notifications/types";

export const RECENT_NOTIFICATIONS = 8;

interface NotificationsState {
  unreadCount: number;
  recent: NotificationView[] | null;
  loadError: boolean;
  announcement: string;
  loadRecent(): Promise<void>;
  markRead(ids: string[]): Promise<void>;
  markAllRead(): Promise<void>;
}

const NotificationsContext = createContext<NotificationsState | null>(null);

export function useNotifications(): NotificationsState {
  const state = useContext(NotificationsContext);
  if (!state) throw new Error("useNotifications must be used inside <NotificationsProvider>");
  return state;
}

/** Re-read after every (re)subscription, so nothing published while the socket was down is missed. */
export function NotificationsProvider({
  userId,
  initialUnreadCount,
  children,
}: {
  userId: string;
  initialUnreadCount: number;
  children: ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [unreadCount, setUnreadCount] = useState(initialUnreadCount);
  const [recent, setRecent] = useState<NotificationView[] | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const onNotificationsPage = pathname.startsWith("/notifications");
  const sessionSignal = useSessionSignal();

  const [reader] = useState(createCatchUpReader);
  const loadRecent = useCallback(async () => {
    const signal = sessionSignal();
    if (signal.aborted) return;
    const readPage = async () => {
      try {
        const response = await fetch(`/api/notifications?limit=${RECENT_NOTIFICATIONS}`, { cache: "no-store", signal });
        if (!response.ok) throw new Error(String(response.status));
        return (await response.json()) as { items: NotificationView[]; unreadCount: number };
      } catch (error) {
        if (!isAborted(error)) setLoadError(true);
        return undefined;
      }
    };
    await reader.read(readPage, (page) => {
      setRecent(page.items);
      setUnreadCount(page.unreadCount);
      setLoadError(false);
    });
  }, [reader, sessionSignal]);

  const sendRead = useCallback(
    async (body: { ids: string[] } | { all: true }) => {
      const response = await fetch("/api/notifications/read", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) return;
      const { unreadCount: remaining } = (await response.json()) as { unreadCount: number };
      setUnreadCount(remaining);
      if (onNotificationsPage) router.refresh();
    },
    [onNotificationsPage, router],
  );

  const markRead = useCallback(
    async (ids: string[]) => {
      const readAt = new Date().toISOString();
      setRecent((items) => items?.map((item) => (ids.includes(item.id) && !item.readAt ? { ...item, readAt } : item)) ?? null);
      await sendRead({ ids });
    },
    [sendRead],
  );

  const markAllRead = useCallback(async () => {
    const readAt = new Date().toISOString();
    setRecent((items) => items?.map((item) => (item.readAt ? item : { ...item, readAt })) ?? null);
    await sendRead({ all: true });
  }, [sendRead]);

  useChannelEvents(
    userChannel(userId),
    {
      [USER_CHANNEL_EVENTS.notificationCreated]: (event: NotificationCreatedEvent) => {
        reader.noteEvent();
        setUnreadCount(event.unreadCount);
        setRecent((items) =>
          items ? [event.notification, ...items.filter((item) => item.id !== event.notification.id)].slice(0, RECENT_NOTIFICATIONS) : items,
        );
        setAnnouncement(`New notification: ${event.notification.title}`);
        if (onNotificationsPage) router.refresh();
      },
      [USER_CHANNEL_EVENTS.notificationsRead]: (event: NotificationsReadEvent) => {
        reader.noteEvent();
        setUnreadCount(event.unreadCount);
        const readAt = new Date().toISOString();
        setRecent(
          (items) =>
            items?.map((item) => (!item.readAt && (event.ids.length === 0 || event.ids.includes(item.id)) ? { ...item, readAt } : item)) ??
            null,
        );
      },
    },
    () => void loadRecent(),
  );

  // The installed app's icon shows the count where the platform supports badges; elsewhere this does nothing.
  useEffect(() => {
    if (!("setAppBadge" in navigator)) return;
    const update = unreadCount > 0 ? navigator.setAppBadge(unreadCount) : navigator.clearAppBadge();
    update.catch(() => undefined);
  }, [unreadCount]);

  const value = useMemo(
    () => ({ unreadCount, recent, loadError, announcement, loadRecent, markRead, markAllRead }),
    [unreadCount, recent, loadError, announcement, loadRecent, markRead, markAllRead],
  );
  return <NotificationsContext value={value}>{children}</NotificationsContext>;
}
