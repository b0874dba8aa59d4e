import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/session";
import { unreadNotificationCount } from "@/lib/notifications";
import { realtimeClientConfig } from "@/lib/realtime/config";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const [cookieStore, unreadNotifications] = await Promise.all([cookies(), unreadNotificationCount(user)]);
  const theme = parseTheme(cookieStore.get(THEME_COOKIE)?.value);
  return (
    <AppShell user={user} theme={theme} unreadNotifications={unreadNotifications} realtime={realtimeClientConfig()}>
      {children}
    </AppShell>
  );
}
