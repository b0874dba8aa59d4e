import { Bell, CalendarDays, ClipboardList, MessageCircle, ShieldCheck, Users } from "lucide-react";
import { categoryOf, type NotificationCategory } from "@/lib/notifications/types";
import { cn } from "@/lib/utils";

const icons: Record<NotificationCategory, typeof Bell> = {
  lessons: CalendarDays,
  messages: MessageCircle,
  assignments: ClipboardList,
  connections: Users,
  account: ShieldCheck,
};

const tones: Record<NotificationCategory, string> = {
  lessons: "bg-accent-soft text-accent-soft-foreground",
  messages: "bg-sky-100 text-sky-700 dark:bg-sky-950 dark:text-sky-300",
  assignments: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  connections: "bg-emerald-100 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  account: "bg-surface-muted text-muted-foreground",
};

export function NotificationIcon({ type, className }: { type: string; className?: string }) {
  const category = categoryOf(type);
  const Icon = category ? icons[category] : Bell;
  return (
    <span
      className={cn("grid size-9 shrink-0 place-items-center rounded-full", category ? tones[category] : tones.account, className)}
      aria-hidden="true"
    >
      <Icon className="size-4.5" />
    </span>
  );
}
