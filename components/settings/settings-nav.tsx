"use client";

import { Bell, Database, ShieldCheck, UserRound } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const sections = [
  { href: "/settings/profile", label: "Profile", icon: UserRound },
  { href: "/settings/notifications", label: "Notifications", icon: Bell },
  { href: "/settings/data", label: "Your data", icon: Database },
  { href: "/settings/security", label: "Account & security", icon: ShieldCheck },
] as const;

/** Tabs across the top on phones, a list beside the content on wide screens. */
export function SettingsNav() {
  const pathname = usePathname();
  return (
    // min-w-0: a grid item, it would otherwise widen the page to fit every tab instead of scrolling them.
    <nav aria-label="Settings" className="min-w-0">
      <ul className="flex gap-1 overflow-x-auto rounded-xl border bg-surface p-1 lg:flex-col lg:border-0 lg:bg-transparent lg:p-0">
        {sections.map((section) => {
          const active = pathname === section.href;
          return (
            <li key={section.href} className="flex-1 lg:flex-none">
              <Link
                href={section.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center justify-center gap-2 whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium transition lg:justify-start",
                  active
                    ? "bg-accent-soft text-accent-soft-foreground"
                    : "text-muted-foreground hover:bg-surface-muted hover:text-foreground",
                )}
              >
                <section.icon className="size-4" aria-hidden="true" />
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
