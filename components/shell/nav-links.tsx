"use client";

import { CalendarDays, ClipboardList, GraduationCap, Home, ListMusic, MessagesSquare, Settings, Timer, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { UnreadConversationsBadge, useUnreadConversations } from "@/components/messaging/unread-conversations";
import type { NavItem } from "@/lib/navigation";
import { cn } from "@/lib/utils";

const icons = {
  home: Home,
  calendar: CalendarDays,
  lessons: ListMusic,
  assignments: ClipboardList,
  practice: Timer,
  messages: MessagesSquare,
  students: Users,
  teachers: GraduationCap,
  settings: Settings,
} as const;

export function NavLinks({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  const { count: unreadConversations } = useUnreadConversations();
  return (
    <ul className="space-y-1">
      {items.map((item) => {
        const Icon = icons[item.icon];
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              aria-label={item.icon === "messages" && unreadConversations > 0 ? `${item.label}, ${unreadConversations} unread` : undefined}
              className={cn(
                "flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition",
                active
                  ? "bg-accent-soft text-accent-soft-foreground"
                  : "text-muted-foreground hover:bg-surface-muted hover:text-foreground",
              )}
            >
              <Icon className="size-4.5" aria-hidden="true" />
              {item.label}
              {item.icon === "messages" ? <UnreadConversationsBadge /> : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
