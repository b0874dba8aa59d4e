import Link from "next/link";
import type { ReactNode } from "react";
import { MessagesShortcut, UnreadConversationsProvider } from "@/components/messaging/unread-conversations";
import { DeviceOwner } from "@/components/pwa/service-worker";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { NotificationsProvider } from "@/components/notifications/notifications-provider";
import { RealtimeProvider } from "@/components/realtime/realtime-provider";
import { Logo } from "@/components/ui/logo";
import type { User } from "@/db/schema";
import type { AnyServerAction } from "@/lib/actions";
import type { RealtimeClientConfig } from "@/lib/realtime/config";
import type { Theme } from "@/lib/theme";
import { MobileNav } from "./mobile-nav";
import { SidebarContents } from "./sidebar-contents";
import { VerifyEmailBanner } from "./verify-email-banner";
import { SkipLink } from "./skip-link";

interface AppShellProps {
  user: User;
  theme: Theme;
  unreadNotifications: number;
  unreadConversations: number;
  realtime: RealtimeClientConfig;
  actions: { signOut: AnyServerAction; resendVerification: AnyServerAction };
  children: ReactNode;
}

/** The signed-in frame: sidebar on wide screens, a top bar with a drawer on phones; notifications live in both. */
export function AppShell({ user, theme, unreadNotifications, unreadConversations, realtime, actions, children }: AppShellProps) {
  return (
    <RealtimeProvider config={realtime} session={`${user.id}.${user.sessionVersion}`}>
      <NotificationsProvider userId={user.id} initialUnreadCount={unreadNotifications}>
        <UnreadConversationsProvider userId={user.id} initialCount={unreadConversations}>
          <SkipLink />
          <DeviceOwner userId={user.id} />
          <div className="min-h-dvh lg:grid lg:grid-cols-[16rem_1fr]">
            <div className="relative z-20 hidden border-r bg-surface lg:block">
              <aside className="sticky top-0 flex h-dvh flex-col">
                <div className="flex items-center justify-between gap-2 py-4 pl-5 pr-3">
                  <Link href="/dashboard">
                    <Logo />
                  </Link>
                  <NotificationBell />
                </div>
                <SidebarContents name={user.name} role={user.role} theme={theme} signOut={actions.signOut} />
              </aside>
            </div>
            <div className="flex min-w-0 flex-col">
              <header className="sticky top-0 z-20 flex h-14 items-center justify-between gap-3 border-b bg-surface/90 px-3 backdrop-blur lg:hidden">
                <MobileNav name={user.name} role={user.role} theme={theme} signOut={actions.signOut} />
                <Link href="/dashboard">
                  <Logo />
                </Link>
                <div className="flex items-center">
                  <MessagesShortcut />
                  <NotificationBell align="end" />
                </div>
              </header>
              {user.emailVerifiedAt ? null : <VerifyEmailBanner email={user.email} resend={actions.resendVerification} />}
              <main id="main" tabIndex={-1} className="outline-none mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 lg:px-10 lg:py-10">
                {children}
              </main>
            </div>
          </div>
        </UnreadConversationsProvider>
      </NotificationsProvider>
    </RealtimeProvider>
  );
}
