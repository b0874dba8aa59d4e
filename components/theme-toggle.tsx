"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useState } from "react";
import { THEME_COOKIE, themes, type Theme } from "@/lib/theme";
import { cn } from "@/lib/utils";

const icons = { system: Monitor, light: Sun, dark: Moon } as const;
const labels = { system: "Use system theme", light: "Use light theme", dark: "Use dark theme" } as const;

function applyTheme(theme: Theme) {
  document.documentElement.classList.remove("light", "dark");
  if (theme !== "system") document.documentElement.classList.add(theme);
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
}

/** Light / dark / system switch; the choice lives in a cookie so the server renders the right theme. */
export function ThemeToggle({ initial, className }: { initial: Theme; className?: string }) {
  const [theme, setTheme] = useState(initial);

  function choose(next: Theme) {
    setTheme(next);
    applyTheme(next);
  }

  return (
    <div role="radiogroup" aria-label="Colour theme" className={cn("inline-flex rounded-lg border bg-surface p-0.5", className)}>
      {themes.map((option) => {
        const Icon = icons[option];
        return (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={theme === option}
            aria-label={labels[option]}
            title={labels[option]}
            onClick={() => choose(option)}
            className={cn(
              "grid size-7 place-items-center rounded-md transition",
              theme === option ? "bg-accent-soft text-accent-soft-foreground" : "text-muted-foreground",
            )}
          >
            <Icon className="size-4" aria-hidden="true" />
          </button>
        );
      })}
    </div>
  );
}
