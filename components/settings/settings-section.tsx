import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/utils";

/** One card of a settings page: a titled, described section with its form. */
export function SettingsSection({
  id,
  title,
  description,
  tone = "default",
  children,
}: {
  id: string;
  title: string;
  description: ReactNode;
  tone?: "default" | "danger";
  children: ReactNode;
}) {
  return (
    <Card aria-labelledby={`${id}-title`} className={cn(tone === "danger" && "border-red-200 dark:border-red-900/70")}>
      <header className="border-b px-5 py-4 sm:px-6">
        <h2
          id={`${id}-title`}
          className={cn("text-base font-semibold tracking-tight", tone === "danger" && "text-red-700 dark:text-red-400")}
        >
          {title}
        </h2>
        <div className="mt-1 text-sm text-muted-foreground">{description}</div>
      </header>
      <div className="px-5 py-5 sm:px-6">{children}</div>
    </Card>
  );
}
