"use client";

import type PusherClient from "pusher-js";
import type { Channel } from "pusher-js";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { onSigningOut } from "@/components/shell/session-ending";
import type { RealtimeClientConfig } from "@/lib/realtime/config";

interface Subscriptions {
  client: PusherClient;
  acquire(channelName: string): Channel;
  release(channelName: string): void;
}

const RealtimeContext = createContext<Subscriptions | null>(null);

/**
 * Channels are reference-counted so two components on one channel do not unsubscribe each other. `session` names the
 * browser's session: when it is renewed (a password change ends every session and gives this browser a new one), the
 * client reconnects, so a channel refused while the old session ended is asked for again with the new one.
 */
export function RealtimeProvider({ config, session, children }: { config: RealtimeClientConfig; session: string; children: ReactNode }) {
  const [subscriptions, setSubscriptions] = useState<Subscriptions | null>(null);
  const { key, cluster, wsHost, wsPort, forceTLS } = config;

  useEffect(() => {
    let cancelled = false;
    let client: PusherClient | undefined;
    // Once this tab signs out, no resubscription may ask the auth route for a channel.
    const stopOnSignOut = onSigningOut(() => {
      cancelled = true;
      client?.disconnect();
    });
    void import("pusher-js").then(({ default: Pusher }) => {
      if (cancelled) return;
      // Embedded mode leaves the host unset: the realtime server runs beside the app, on the page's host.
      const host = wsHost ?? (cluster === "local" ? window.location.hostname : undefined);
      client = new Pusher(key, {
        cluster,
        forceTLS,
        ...(host ? { wsHost: host } : {}),
        ...(wsPort ? { wsPort, wssPort: wsPort } : {}),
        // Only the socket the server speaks: without TLS, pusher-js would also try wss after 2 s of a slow handshake, and
        // that attempt can only fail (a console error, and no quicker connection). With TLS, "ws" is already wss.
        enabledTransports: ["ws"],
        disableStats: true,
        channelAuthorization: { endpoint: "/api/realtime/auth", transport: "ajax" },
      });
      const counts = new Map<string, number>();
      const connected = client;
      setSubscriptions({
        client: connected,
        acquire(channelName) {
          counts.set(channelName, (counts.get(channelName) ?? 0) + 1);
          return connected.channel(channelName) ?? connected.subscribe(channelName);
        },
        release(channelName) {
          const remaining = (counts.get(channelName) ?? 1) - 1;
          counts.set(channelName, remaining);
          if (remaining <= 0) connected.unsubscribe(channelName);
        },
      });
    });
    return () => {
      cancelled = true;
      stopOnSignOut();
      client?.disconnect();
      setSubscriptions(null);
    };
  }, [key, cluster, wsHost, wsPort, forceTLS, session]);

  return <RealtimeContext value={subscriptions}>{children}</RealtimeContext>;
}

type Handlers = Record<string, (data: never) => void>;

/** False when the channel is not subscribed (yet, or any more): nothing was sent. */
export type TriggerClientEvent = (eventName: `client-${string}`, data: unknown) => boolean;

/** `onSubscribed` runs again after every reconnect: the moment to fetch whatever was missed. Returns a sender of client events (presence channels), dropped while unsubscribed. */
export function useChannelEvents(channelName: string | null, handlers: Handlers, onSubscribed?: () => void): TriggerClientEvent {
  const subscriptions = useContext(RealtimeContext);
  const latest = useRef({ handlers, onSubscribed });
  const current = useRef<Channel | null>(null);
  useEffect(() => {
    latest.current = { handlers, onSubscribed };
  });

  useEffect(() => {
    if (!subscriptions || !channelName) return;
    const channel = subscriptions.acquire(channelName);
    current.current = channel;
    const eventNames = Object.keys(latest.current.handlers);
    const listeners = eventNames.map((eventName) => {
      const listener = (data: unknown) => latest.current.handlers[eventName]?.(data as never);
      channel.bind(eventName, listener);
      return [eventName, listener] as const;
    });
    const subscribed = () => latest.current.onSubscribed?.();
    channel.bind("pusher:subscription_succeeded", subscribed);
    if (channel.subscribed) subscribed();
    return () => {
      for (const [eventName, listener] of listeners) channel.unbind(eventName, listener);
      channel.unbind("pusher:subscription_succeeded", subscribed);
      subscriptions.release(channelName);
      current.current = null;
    };
  }, [subscriptions, channelName]);

  return useCallback((eventName, data) => {
    const channel = current.current;
    return channel?.subscribed ? channel.trigger(eventName, data) : false;
  }, []);
}
