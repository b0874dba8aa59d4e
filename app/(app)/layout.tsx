import { cookies, headers } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { callbackPath } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/session";
import { REQUESTED_PATH_HEADER } from "@/lib/security/headers";
import { unreadConversationCount } from "@/lib/messaging";
import { unreadNotificationCount } from "@/lib/notifications";
import { realtimeClientConfig } from "@/lib/realtime/config";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { resendVerificationAction, signOutAction } from "./actions";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  // A session cookie the database no longer accepts: back to sign-in, and then to this page.
  const user = await requireUser(callbackPath.parse((await headers()).get(REQUESTED_PATH_HEADER) ?? undefined));
  const [cookieStore, unreadNotifications, unreadConversations] = await Promise.all([
    cookies(),
    unreadNotificationCount(user),
    unreadConversationCount(user),
  ]);
  const theme = parseTheme(cookieStore.get(THEME_COOKIE)?.value);
  return (
    <AppShell
      user={user}
      theme={theme}
      unreadNotifications={unreadNotifications}
      unreadConversations={unreadConversations}
      realtime={realtimeClientConfig()}
      actions={{ signOut: signOutAction, resendVerification: resendVerificationAction }}
    >
      {children}
    </AppShell>
  );
}
